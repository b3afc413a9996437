package org.paydesk.domain.paymentmethod;

/** Identity of a {@link PaymentMethodRequest}; always positive. */
public record PaymentMethodRequestId(long value) {

    public PaymentMethodRequestId {
        if (value <= 0) {
            throw new IllegalArgumentException("request id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
