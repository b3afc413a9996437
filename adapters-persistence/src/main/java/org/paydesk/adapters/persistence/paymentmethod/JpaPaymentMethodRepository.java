package org.paydesk.adapters.persistence.paymentmethod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodRepository;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/**
 * Saved payment methods in table {@code payment_method}.
 *
 * <p>Guarantees: only a processor token and display facts are stored (the table has no room for a number);
 * {@link #update} never writes a default flag computed from a stale read ({@code concurrent_update}); a token is
 * saved at most once per customer (constraint {@code uq_payment_method_token}); a customer's methods come back
 * default first, then newest first, in a total order. Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaPaymentMethodRepository implements PaymentMethodRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaPaymentMethodRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaPaymentMethodRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PaymentMethodTokenId nextId() {
        return new PaymentMethodTokenId(Sequences.next(em, PaymentMethodEntity.class));
    }

    @Override
    public void add(PaymentMethodToken method) {
        em.persist(PaymentMethodEntityMapper.toNewEntity(method));
    }

    @Override
    public Optional<PaymentMethodToken> find(PaymentMethodTokenId id) {
        return Optional.ofNullable(em.find(PaymentMethodEntity.class, id.value()))
                .map(PaymentMethodEntityMapper::toDomain);
    }

    @Override
    public List<PaymentMethodToken> findAll(CustomerId customer) {
        // The id breaks ties between methods saved in the same instant, so the order never changes between reads.
        return em.createQuery("SELECT m FROM PaymentMethodEntity m WHERE m.customerId = :customer"
                        + " ORDER BY m.isDefault DESC, m.createdAt DESC, m.id DESC", PaymentMethodEntity.class)
                .setParameter("customer", customer.value())
                .getResultList()
                .stream()
                .map(PaymentMethodEntityMapper::toDomain)
                .toList();
    }

    @Override
    public Optional<PaymentMethodToken> findByToken(CustomerId customer, String processorToken) {
        if (processorToken == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT m FROM PaymentMethodEntity m"
                        + " WHERE m.customerId = :customer AND m.processorToken = :token", PaymentMethodEntity.class)
                .setParameter("customer", customer.value())
                .setParameter("token", processorToken)
                .getResultList()
                .stream()
                .findFirst()
                .map(PaymentMethodEntityMapper::toDomain);
    }

    @Override
    public void update(PaymentMethodToken method) {
        String what = "payment method " + method.id();
        PaymentMethodEntity entity = em.find(PaymentMethodEntity.class, method.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, method.version(), entity.version());
        PaymentMethodEntityMapper.copyChanges(method, entity);
        Versions.flush(em, what);
    }

    @Override
    public void delete(PaymentMethodTokenId id) {
        PaymentMethodEntity entity = em.find(PaymentMethodEntity.class, id.value());
        if (entity != null) {
            em.remove(entity); // a later query in this transaction (for the next default) flushes it first
        }
    }
}
