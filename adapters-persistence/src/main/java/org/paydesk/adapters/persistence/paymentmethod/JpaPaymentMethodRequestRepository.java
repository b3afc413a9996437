package org.paydesk.adapters.persistence.paymentmethod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodRequestRepository;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodRequest;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestId;

/**
 * "Request payment method" links in table {@code payment_method_request}, found by the SHA-256 of their secret.
 *
 * <p>Guarantees: the secret itself is never stored, only its hash, which is unique (constraint
 * {@code uq_pm_request_secret_hash}, also the index a click is looked up by); {@link #lockBySecretHash} takes a
 * database row lock ({@code SELECT ... FOR UPDATE}) held until the caller's transaction ends and reads the committed
 * row, so of two racing submissions of one link the second sees the first one's outcome; {@link #update} never
 * writes a state computed from a stale read ({@code concurrent_update}). Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaPaymentMethodRequestRepository implements PaymentMethodRequestRepository {

    private static final String BY_HASH = "SELECT r FROM PaymentMethodRequestEntity r WHERE r.secretHash = :hash";

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaPaymentMethodRequestRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaPaymentMethodRequestRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PaymentMethodRequestId nextId() {
        return new PaymentMethodRequestId(Sequences.next(em, PaymentMethodRequestEntity.class));
    }

    @Override
    public void add(PaymentMethodRequest request) {
        em.persist(PaymentMethodRequestEntityMapper.toNewEntity(request));
    }

    @Override
    public Optional<PaymentMethodRequest> find(PaymentMethodRequestId id) {
        return Optional.ofNullable(em.find(PaymentMethodRequestEntity.class, id.value()))
                .map(PaymentMethodRequestEntityMapper::toDomain);
    }

    @Override
    public Optional<PaymentMethodRequest> lockBySecretHash(String secretHash) {
        if (secretHash == null) {
            return Optional.empty();
        }
        // FOR UPDATE waits for a concurrent holder; what it then reads is the committed row, also over an older copy
        // already in this persistence context (EclipseLink refreshes on a lock query; the hint keeps that explicit).
        return em.createQuery(BY_HASH, PaymentMethodRequestEntity.class)
                .setParameter("hash", secretHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(QueryHints.REFRESH, HintValues.TRUE)
                .getResultList()
                .stream()
                .findFirst()
                .map(PaymentMethodRequestEntityMapper::toDomain);
    }

    @Override
    public Optional<PaymentMethodRequest> findBySecretHash(String secretHash) {
        if (secretHash == null) {
            return Optional.empty();
        }
        return em.createQuery(BY_HASH, PaymentMethodRequestEntity.class)
                .setParameter("hash", secretHash)
                .getResultList()
                .stream()
                .findFirst()
                .map(PaymentMethodRequestEntityMapper::toDomain);
    }

    @Override
    public List<PaymentMethodRequest> findAll(CustomerId customer) {
        return em.createQuery("SELECT r FROM PaymentMethodRequestEntity r WHERE r.customerId = :customer"
                        + " ORDER BY r.sentAt DESC, r.id DESC", PaymentMethodRequestEntity.class)
                .setParameter("customer", customer.value())
                .getResultList()
                .stream()
                .map(PaymentMethodRequestEntityMapper::toDomain)
                .toList();
    }

    @Override
    public void update(PaymentMethodRequest request) {
        String what = "payment method request " + request.id();
        PaymentMethodRequestEntity entity = em.find(PaymentMethodRequestEntity.class, request.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, request.version(), entity.version());
        PaymentMethodRequestEntityMapper.copyChanges(request, entity);
        Versions.flush(em, what);
    }
}
