package org.paydesk.domain.payment;

/** How the money is paid. Wallets are cards underneath, but are recorded as what the payer used. */
public enum PaymentMethodType {
    CARD, ACH, APPLE_PAY, GOOGLE_PAY;

    /** ACH debits settle days later; cards and wallets answer at once. */
    public boolean settlesAsynchronously() {
        return this == ACH;
    }
}
