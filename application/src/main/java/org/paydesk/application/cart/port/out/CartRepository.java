package org.paydesk.application.cart.port.out;

import java.util.Optional;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;

/** Stores carts with their lines. Checkout changes a cart only while its customer is locked. */
public interface CartRepository {

    CartId nextId();

    void add(Cart cart);

    Optional<Cart> find(CartId id);

    /**
     * Writes the cart's lines and status.
     *
     * @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} when it changed since read
     */
    void update(Cart cart);
}
