package org.paydesk.domain.paymentlink;

/** Identity of a {@link PaymentLink}; always positive. */
public record PaymentLinkId(long value) {

    public PaymentLinkId {
        if (value <= 0) {
            throw new IllegalArgumentException("payment link id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
