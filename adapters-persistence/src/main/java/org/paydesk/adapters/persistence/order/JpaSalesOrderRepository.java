package org.paydesk.adapters.persistence.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.order.port.in.OrderCriteria;
import org.paydesk.application.order.port.out.SalesOrderRepository;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentId;

/**
 * Sales orders in table {@code sales_order}, their lines in {@code sales_order_line}.
 *
 * <p>Guarantees: an order's lines are written with it and never change; {@link #update} never writes a state
 * computed from a stale read ({@code concurrent_update}) and moves the version on every accepted update; order
 * numbers are unique (constraint {@code uq_sales_order_number}); an order names only an existing payment and invoice
 * (foreign keys), even one added earlier in the same transaction; {@link #search} applies every given criterion, with
 * the days in UTC and inclusive, newest first in a total order (ties broken by id). Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaSalesOrderRepository implements SalesOrderRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaSalesOrderRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaSalesOrderRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public SalesOrderId nextId() {
        return new SalesOrderId(Sequences.next(em, SalesOrderEntity.class));
    }

    @Override
    public void add(SalesOrder order) {
        em.persist(SalesOrderEntityMapper.toNewEntity(order));
    }

    @Override
    public Optional<SalesOrder> find(SalesOrderId id) {
        return Optional.ofNullable(em.find(SalesOrderEntity.class, id.value())).map(SalesOrderEntityMapper::toDomain);
    }

    @Override
    public Optional<SalesOrder> findByPayment(PaymentId payment) {
        List<SalesOrderEntity> found = em.createQuery("SELECT o FROM SalesOrderEntity o WHERE o.paymentId = :payment",
                        SalesOrderEntity.class)
                .setParameter("payment", payment.value())
                .setMaxResults(2)
                .getResultList();
        if (found.size() > 1) {
            // One payment pays one order; confirming an arbitrary one of several would confirm the wrong order.
            throw new IllegalStateException("more than one order is paid by payment " + payment);
        }
        return found.stream().findFirst().map(SalesOrderEntityMapper::toDomain);
    }

    @Override
    public boolean numberTaken(String number) {
        return !em.createQuery("SELECT o.id FROM SalesOrderEntity o WHERE o.orderNumber = :number", Long.class)
                .setParameter("number", number)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void update(SalesOrder order) {
        String what = "order " + order.number();
        // The order's row has foreign keys to the payment and the invoice, which may have been added in this
        // transaction; EclipseLink knows no relationship between them, so they are written first, explicitly.
        em.flush();
        SalesOrderEntity entity = em.find(SalesOrderEntity.class, order.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " (" + order.id() + ") does not exist");
        }
        Versions.requireUnchanged(what, order.version(), entity.version());
        SalesOrderEntityMapper.copyChanges(order, entity);
        em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Versions.flush(em, what);
    }

    @Override
    public Page<SalesOrder> search(OrderCriteria criteria, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (criteria != null) {
            if (criteria.number() != null) {
                conditions.add("o.orderNumber = :number");
                parameters.put("number", criteria.number());
            }
            if (criteria.customerId() != null) {
                conditions.add("o.customerId = :customer");
                parameters.put("customer", criteria.customerId().value());
            }
            if (criteria.status() != null) {
                conditions.add("o.status = :status");
                parameters.put("status", criteria.status());
            }
            if (criteria.from() != null) {
                conditions.add("o.createdAt >= :from");
                parameters.put("from", startOfDay(criteria.from()));
            }
            if (criteria.to() != null && !criteria.to().equals(LocalDate.MAX)) {
                // Inclusive of the whole last day, to the nanosecond: before the next day begins.
                conditions.add("o.createdAt < :before");
                parameters.put("before", startOfDay(criteria.to().plusDays(1)));
            }
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<SalesOrderEntity> query = em.createQuery("SELECT o FROM SalesOrderEntity o" + where
                + " ORDER BY o.createdAt DESC, o.id DESC", SalesOrderEntity.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(o) FROM SalesOrderEntity o" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<SalesOrder> items = query.setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList()
                .stream()
                .map(SalesOrderEntityMapper::toDomain)
                .toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
