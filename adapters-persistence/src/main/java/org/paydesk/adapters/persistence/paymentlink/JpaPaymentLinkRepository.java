package org.paydesk.adapters.persistence.paymentlink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.paymentlink.port.out.PaymentLinkRepository;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkId;

/**
 * Payment links in table {@code payment_link}, found by the SHA-256 of their secret (unique constraint
 * {@code uq_payment_link_secret_hash}, also the index a click is looked up by). {@link #lock} takes a row lock
 * ({@code SELECT ... FOR UPDATE}) held until the caller's transaction ends and reads the committed row;
 * {@link #update} never writes a state computed from a stale read ({@code concurrent_update}). Joins the caller's
 * transaction.
 */
@ApplicationScoped
public class JpaPaymentLinkRepository implements PaymentLinkRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaPaymentLinkRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaPaymentLinkRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PaymentLinkId nextId() {
        return new PaymentLinkId(Sequences.next(em, PaymentLinkEntity.class));
    }

    @Override
    public void add(PaymentLink link) {
        em.persist(PaymentLinkEntityMapper.toNewEntity(link));
    }

    @Override
    public Optional<PaymentLink> find(PaymentLinkId id) {
        return Optional.ofNullable(em.find(PaymentLinkEntity.class, id.value())).map(PaymentLinkEntityMapper::toDomain);
    }

    @Override
    public Optional<PaymentLink> findBySecretHash(String secretHash) {
        if (secretHash == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT l FROM PaymentLinkEntity l WHERE l.secretHash = :hash", PaymentLinkEntity.class)
                .setParameter("hash", secretHash)
                .getResultList()
                .stream()
                .findFirst()
                .map(PaymentLinkEntityMapper::toDomain);
    }

    @Override
    public Optional<PaymentLink> lock(PaymentLinkId id) {
        // FOR UPDATE waits for a concurrent holder, then reads the committed row (refreshed over any older copy).
        return Optional.ofNullable(em.find(PaymentLinkEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE,
                Map.of(QueryHints.REFRESH, HintValues.TRUE))).map(PaymentLinkEntityMapper::toDomain);
    }

    @Override
    public List<PaymentLink> findAll(CustomerId customer) {
        return em.createQuery("SELECT l FROM PaymentLinkEntity l WHERE l.customerId = :customer"
                        + " ORDER BY l.sentAt DESC, l.id DESC", PaymentLinkEntity.class)
                .setParameter("customer", customer.value())
                .getResultList()
                .stream()
                .map(PaymentLinkEntityMapper::toDomain)
                .toList();
    }

    @Override
    public void update(PaymentLink link) {
        String what = "payment link " + link.id();
        PaymentLinkEntity entity = em.find(PaymentLinkEntity.class, link.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, link.version(), entity.version());
        PaymentLinkEntityMapper.copyChanges(link, entity);
        Versions.flush(em, what);
    }
}
