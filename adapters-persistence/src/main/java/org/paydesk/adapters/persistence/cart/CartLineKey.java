package org.paydesk.adapters.persistence.cart;

import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link CartLineEntity}: its cart's id and its position in the cart. */
class CartLineKey implements Serializable {

    private static final long serialVersionUID = 1L;

    // Named and typed as JPA's derived identity requires: the relationship's name, the cart's id type.
    private Long cart;
    private int lineNo;

    CartLineKey() {
    }

    CartLineKey(long cart, int lineNo) {
        this.cart = cart;
        this.lineNo = lineNo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CartLineKey key && Objects.equals(cart, key.cart) && lineNo == key.lineNo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cart, lineNo);
    }
}
