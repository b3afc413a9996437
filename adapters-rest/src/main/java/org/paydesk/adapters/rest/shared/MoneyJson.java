package org.paydesk.adapters.rest.shared;

import org.paydesk.domain.shared.Money;

/** Money on the wire: {@code {"amount": "125.50", "currency": "USD"}}; the amount is a string, never a float. */
public record MoneyJson(String amount, String currency) {

    public static MoneyJson of(Money money) {
        return money == null ? null : new MoneyJson(money.toDecimalString(), money.currency().getCurrencyCode());
    }
}
