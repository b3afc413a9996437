package org.paydesk.application.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.cart.port.out.CartRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;

/** Carts in a map; reads hand out copies and updates check the version. */
public final class InMemoryCartRepository implements CartRepository {

    private final Map<CartId, Cart> stored = new LinkedHashMap<>();
    private long lastId = 900;

    @Override
    public CartId nextId() {
        return new CartId(++lastId);
    }

    @Override
    public void add(Cart cart) {
        stored.put(cart.id(), copy(cart, cart.version()));
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return Optional.ofNullable(stored.get(id)).map(cart -> copy(cart, cart.version()));
    }

    @Override
    public void update(Cart cart) {
        if (stored.get(cart.id()).version() != cart.version()) {
            throw new ConflictException("concurrent_update", null, "cart " + cart.id() + " changed");
        }
        stored.put(cart.id(), copy(cart, cart.version() + 1));
    }

    private static Cart copy(Cart cart, long version) {
        return Cart.restore(cart.id(), cart.customerId(), cart.currency(), cart.lines(), cart.status(),
                cart.orderId(), cart.createdAt(), cart.updatedAt(), version);
    }
}
