package org.paydesk.domain.paymentmethod;

/** Where a "request payment method" link stands. EXPIRED is derived from the time, never stored. */
public enum PaymentMethodRequestStatus {
    SENT, OPENED, COMPLETED, EXPIRED, REVOKED;

    /** Whether the link still lets the customer add a method. */
    public boolean usable() {
        return this == SENT || this == OPENED;
    }
}
