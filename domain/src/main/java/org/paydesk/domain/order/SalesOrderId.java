package org.paydesk.domain.order;

/** Identity of a {@link SalesOrder}; always positive. */
public record SalesOrderId(long value) {

    public SalesOrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("order id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
