package org.paydesk.adapters.rest.settings;

import java.util.List;

/** The checkout settings: the wallets offered beside card and ACH, e.g. {@code {"wallets": ["APPLE_PAY"]}}. */
public record CheckoutSettingsJson(List<String> wallets) {
}
