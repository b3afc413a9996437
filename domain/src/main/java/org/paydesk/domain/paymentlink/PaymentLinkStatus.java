package org.paydesk.domain.paymentlink;

/**
 * Where a payment link stands. Derived, never stored: PAID follows from its invoices' current balances (whatever
 * channel paid them), EXPIRED from the clock and the first opening.
 */
public enum PaymentLinkStatus {
    SENT, OPENED, PAID, EXPIRED;

    /** Whether the link still takes a payment. */
    public boolean payable() {
        return this == SENT || this == OPENED;
    }
}
