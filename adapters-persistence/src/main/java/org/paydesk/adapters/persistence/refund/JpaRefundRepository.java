package org.paydesk.adapters.persistence.refund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;

/**
 * Refunds in table {@code refund}, the invoice balances each reopened in {@code refund_allocation}.
 *
 * <p>Guarantees: a refund's allocations and the credit it took are written with it and never change (an update that
 * would change them is refused); {@link #update} never writes a state computed from a stale read
 * ({@code concurrent_update}); one request key belongs to at most one refund (constraint
 * {@code uq_refund_request_key}); a refund names only an existing payment, customer and invoices (foreign keys), even
 * ones added earlier in the same transaction; {@link #findByPayment} lists oldest first in a total order (ties broken
 * by id). Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaRefundRepository implements RefundRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaRefundRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaRefundRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public RefundId nextId() {
        return new RefundId(Sequences.next(em, RefundEntity.class));
    }

    @Override
    public void add(Refund refund) {
        // The refund's row has foreign keys to the payment and the customer, which EclipseLink knows no relationship
        // to; a payment changed or added in this transaction is written first, explicitly.
        em.flush();
        em.persist(RefundEntityMapper.toNewEntity(refund));
    }

    @Override
    public Optional<Refund> find(RefundId id) {
        return Optional.ofNullable(em.find(RefundEntity.class, id.value())).map(RefundEntityMapper::toDomain);
    }

    @Override
    public Optional<PaymentId> paymentOf(RefundId id) {
        // A scalar query: no RefundEntity is built or registered, so a later find() after the lock reads the row.
        return em.createQuery("SELECT r.paymentId FROM RefundEntity r WHERE r.id = :id", Long.class)
                .setParameter("id", id.value()).getResultStream().findFirst().map(PaymentId::new);
    }

    @Override
    public List<Refund> findByPayment(PaymentId payment) {
        return em.createQuery("SELECT r FROM RefundEntity r WHERE r.paymentId = :payment"
                        + " ORDER BY r.createdAt, r.id", RefundEntity.class)
                .setParameter("payment", payment.value())
                .getResultList()
                .stream()
                .map(RefundEntityMapper::toDomain)
                .toList();
    }

    @Override
    public Optional<Refund> findByRequestKey(String requestKey) {
        if (requestKey == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT r FROM RefundEntity r WHERE r.requestKey = :key", RefundEntity.class)
                .setParameter("key", requestKey)
                .getResultList()
                .stream()
                .findFirst() // at most one: uq_refund_request_key
                .map(RefundEntityMapper::toDomain);
    }

    @Override
    public void update(Refund refund) {
        String what = "refund " + refund.id();
        RefundEntity entity = em.find(RefundEntity.class, refund.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, refund.version(), entity.version());
        RefundEntityMapper.copyChanges(refund, entity);
        Versions.flush(em, what);
    }
}
