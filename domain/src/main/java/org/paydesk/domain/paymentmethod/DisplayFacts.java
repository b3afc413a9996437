package org.paydesk.domain.paymentmethod;

import java.util.regex.Pattern;

/**
 * What may be shown of a saved method: card brand, last four digits and expiry, or bank name and last four.
 * Never more digits than four: this is the only card or account data Paydesk ever keeps.
 */
public record DisplayFacts(String brand, String last4, Integer expMonth, Integer expYear, String bankName) {

    private static final Pattern LAST4 = Pattern.compile("\\d{4}");

    public DisplayFacts {
        if (last4 == null || !LAST4.matcher(last4).matches()) {
            throw new IllegalArgumentException("last4 must be exactly four digits");
        }
        if (expMonth != null && (expMonth < 1 || expMonth > 12)) {
            throw new IllegalArgumentException("expMonth must be 1..12");
        }
    }

    public static DisplayFacts card(String brand, String last4, int expMonth, int expYear) {
        return new DisplayFacts(brand, last4, expMonth, expYear, null);
    }

    public static DisplayFacts bankAccount(String bankName, String last4) {
        return new DisplayFacts(null, last4, null, null, bankName);
    }
}
