package org.paydesk.domain.refund;

/** Identity of a {@link Refund}; always positive. */
public record RefundId(long value) {

    public RefundId {
        if (value <= 0) {
            throw new IllegalArgumentException("refund id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
