package org.paydesk.domain.receivable;

/** Identity of a {@link Receivable}; always positive. */
public record ReceivableId(long value) {

    public ReceivableId {
        if (value <= 0) {
            throw new IllegalArgumentException("receivable id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
