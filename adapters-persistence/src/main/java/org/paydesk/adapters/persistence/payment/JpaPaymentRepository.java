package org.paydesk.adapters.persistence.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.payment.port.in.PaymentCriteria;
import org.paydesk.application.payment.port.out.PaymentAttempt;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * Payments in {@code payment}, their allocations in {@code payment_allocation} and processor calls in
 * {@code payment_attempt}.
 *
 * <p>Guarantees: a payment's allocations are written with it, or added later by {@link #update} when unapplied money
 * was applied ({@code Payment.applyUnappliedTo}), and a stored allocation never changes; {@link #update} never
 * writes a state computed from a stale read ({@code concurrent_update}); one request key belongs to at most one payment
 * (constraint {@code uq_payment_request_key}); every attempt is stored, with an id from its sequence, before the
 * processor is called; {@link #customerOf} reads one column and leaves no payment in the persistence context, so
 * the payment read after the customer's lock is read fresh; {@link #search} applies every given criterion, with the
 * days in UTC and inclusive, newest first in a total order (ties broken by id), and counts with the same conditions.
 * Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaPaymentRepository implements PaymentRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaPaymentRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaPaymentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PaymentId nextId() {
        return new PaymentId(Sequences.next(em, PaymentEntity.class));
    }

    @Override
    public void add(Payment payment) {
        em.persist(PaymentEntityMapper.toNewEntity(payment));
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return Optional.ofNullable(em.find(PaymentEntity.class, id.value())).map(PaymentEntityMapper::toDomain);
    }

    @Override
    public Optional<CustomerId> customerOf(PaymentId id) {
        // A scalar query: no PaymentEntity is built or registered, so a later find() after the lock reads the row.
        return em.createQuery("SELECT p.customerId FROM PaymentEntity p WHERE p.id = :id", Long.class)
                .setParameter("id", id.value())
                .getResultList()
                .stream()
                .findFirst()
                .map(CustomerId::new);
    }

    @Override
    public Optional<Payment> findByRequestKey(String requestKey) {
        if (requestKey == null) {
            return Optional.empty();
        }
        return single(em.createQuery("SELECT p FROM PaymentEntity p WHERE p.requestKey = :key", PaymentEntity.class)
                .setParameter("key", requestKey)
                .getResultList(), "request key");
    }

    @Override
    public Optional<Payment> findByProcessorReference(String processorReference) {
        if (processorReference == null) {
            return Optional.empty();
        }
        return single(em.createQuery("SELECT p FROM PaymentEntity p WHERE p.processorReference = :reference",
                        PaymentEntity.class)
                .setParameter("reference", processorReference)
                .setMaxResults(2)
                .getResultList(), "processor reference " + processorReference);
    }

    @Override
    public Page<Payment> search(PaymentCriteria criteria, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (criteria != null) {
            if (criteria.customerId() != null) {
                conditions.add("p.customerId = :customer");
                parameters.put("customer", criteria.customerId().value());
            }
            if (criteria.status() != null) {
                conditions.add("p.status = :status");
                parameters.put("status", criteria.status());
            }
            if (criteria.method() != null) {
                conditions.add("p.methodType = :method");
                parameters.put("method", criteria.method());
            }
            if (criteria.channel() != null) {
                conditions.add("p.channel = :channel");
                parameters.put("channel", criteria.channel());
            }
            if (criteria.from() != null) {
                conditions.add("p.createdAt >= :from");
                parameters.put("from", startOfDay(criteria.from()));
            }
            if (criteria.to() != null && !criteria.to().equals(LocalDate.MAX)) {
                // Inclusive of the whole last day, to the nanosecond: before the next day begins.
                conditions.add("p.createdAt < :before");
                parameters.put("before", startOfDay(criteria.to().plusDays(1)));
            }
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        // The page's ids first, then those payments with their allocations in one statement: the allocations are
        // mapped eagerly, so reading the entities of a page directly would read them one payment at a time.
        TypedQuery<Long> query = em.createQuery("SELECT p.id FROM PaymentEntity p" + where
                + " ORDER BY p.createdAt DESC, p.id DESC", Long.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM PaymentEntity p" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Long> ids = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<Long, PaymentEntity> read = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            // Ordered by line explicitly: a fetch join builds the collection in the order of the rows.
            em.createQuery("SELECT DISTINCT p FROM PaymentEntity p LEFT JOIN FETCH p.allocations a"
                            + " WHERE p.id IN :ids ORDER BY p.id, a.lineNo", PaymentEntity.class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(entity -> read.put(entity.id(), entity));
        }
        List<Payment> items = ids.stream().map(read::get).filter(Objects::nonNull)
                .map(PaymentEntityMapper::toDomain).toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Optional<Payment> single(List<PaymentEntity> found, String what) {
        if (found.size() > 1) {
            // One charge pays one payment; settling an arbitrary one of several would move the wrong money.
            throw new IllegalStateException("more than one payment has " + what);
        }
        return found.stream().findFirst().map(PaymentEntityMapper::toDomain);
    }

    @Override
    public void update(Payment payment) {
        String what = "payment " + payment.id();
        PaymentEntity entity = em.find(PaymentEntity.class, payment.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, payment.version(), entity.version());
        PaymentEntityMapper.copyChanges(payment, entity);
        Versions.flush(em, what);
    }

    @Override
    public PaymentAttempt startAttempt(PaymentId payment, Instant at) {
        PaymentEntity owner = em.getReference(PaymentEntity.class, payment.value());
        long id = Sequences.next(em, PaymentAttemptEntity.class);
        em.persist(new PaymentAttemptEntity(id, owner, at));
        return new PaymentAttempt(id, payment, at);
    }

    @Override
    public void finishAttempt(PaymentAttempt attempt, PaymentOutcome outcome, Instant at) {
        PaymentAttemptEntity entity = em.find(PaymentAttemptEntity.class, attempt.id());
        if (entity == null) {
            throw new IllegalStateException("payment attempt " + attempt.id() + " was never started");
        }
        if (entity.finished()) {
            // The first answer recorded for a call is the evidence of what that call did; it is not overwritten.
            return;
        }
        entity.finish(PaymentEntityMapper.kindOf(outcome), outcome.processorReference(),
                PaymentEntityMapper.detailOf(outcome), at);
    }
}
