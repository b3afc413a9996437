package org.paydesk.domain.paymentmethod;

/** Identity of a saved {@link PaymentMethodToken}; always positive. */
public record PaymentMethodTokenId(long value) {

    public PaymentMethodTokenId {
        if (value <= 0) {
            throw new IllegalArgumentException("payment method id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
