package org.paydesk.adapters.persistence.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.cart.port.out.CartRepository;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;

/**
 * Carts in table {@code cart}, their lines in {@code cart_line}.
 *
 * <p>Guarantees: {@link #update} writes the lines and the cart together, never from a stale read
 * ({@code concurrent_update}), and moves the cart's version on every accepted update, also when only a line changed;
 * a checked-out cart names an existing order (foreign key), even one added earlier in the same transaction, and an
 * order is the checkout of one cart at most ({@code uq_cart_order}). Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaCartRepository implements CartRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaCartRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaCartRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public CartId nextId() {
        return new CartId(Sequences.next(em, CartEntity.class));
    }

    @Override
    public void add(Cart cart) {
        em.persist(CartEntityMapper.toNewEntity(cart));
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return Optional.ofNullable(em.find(CartEntity.class, id.value())).map(CartEntityMapper::toDomain);
    }

    @Override
    public void update(Cart cart) {
        String what = "cart " + cart.id();
        // At checkout the cart names an order added in this transaction; EclipseLink knows no relationship between
        // the two, so the order is written first, explicitly.
        em.flush();
        CartEntity entity = em.find(CartEntity.class, cart.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, cart.version(), entity.version());
        CartEntityMapper.copyChanges(cart, entity);
        // The lines are rows of their own: without this a change of a line alone would leave the version as it was.
        em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Versions.flush(em, what);
    }
}
