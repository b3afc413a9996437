package org.paydesk.domain.testdata;

import org.paydesk.domain.shared.Money;

/** Short ways to write money in tests: {@code usd("125.50")}. */
public final class Amounts {

    private Amounts() {
    }

    public static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    public static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    public static Money jpy(String amount) {
        return Money.parse(amount, "JPY");
    }

    public static Money of(String amount, String currencyCode) {
        return Money.parse(amount, currencyCode);
    }
}
