package org.paydesk.domain.payment;

/** Identity of a {@link Payment}; always positive. */
public record PaymentId(long value) {

    public PaymentId {
        if (value <= 0) {
            throw new IllegalArgumentException("payment id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
