package org.paydesk.domain.cart;

/** Identity of a {@link Cart}; always positive. */
public record CartId(long value) {

    public CartId {
        if (value <= 0) {
            throw new IllegalArgumentException("cart id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
