package org.paydesk.adapters.rest.cart;

import java.util.List;
import org.paydesk.application.cart.port.in.PaymentOptions;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * How a cart can be paid, e.g. {@code {"options": [{"type": "CARD", "wallets": ["APPLE_PAY", "GOOGLE_PAY"]},
 * {"type": "ACH", "wallets": []}]}}: the wallets are offered with the card.
 */
public record PaymentOptionsJson(List<OptionJson> options) {

    /** One way to pay and the wallets offered with it. */
    public record OptionJson(String type, List<String> wallets) {
    }

    static PaymentOptionsJson of(PaymentOptions options) {
        return new PaymentOptionsJson(options.options().stream().map(option -> new OptionJson(option.type().name(),
                option.wallets().stream().map(PaymentMethodType::name).toList())).toList());
    }
}
