package org.paydesk.adapters.persistence.receivable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;

/**
 * Invoices in table {@code receivable}.
 *
 * <p>Guarantees: {@link #update} never writes a balance computed from a stale read ({@code concurrent_update});
 * the database refuses a balance below zero or above the original amount and a second invoice with the same
 * number for one customer; a customer's open invoices come back in one query, oldest due first, in the same total
 * order as {@link Receivable#OLDEST_DUE_FIRST}. Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaReceivableRepository implements ReceivableRepository {

    private static final String OPEN_OF_CUSTOMER = " FROM ReceivableEntity r"
            + " WHERE r.customerId = :customer AND r.openMinor > 0";

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaReceivableRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaReceivableRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public ReceivableId nextId() {
        return new ReceivableId(Sequences.next(em, ReceivableEntity.class));
    }

    @Override
    public void add(Receivable receivable) {
        em.persist(ReceivableEntityMapper.toNewEntity(receivable));
    }

    @Override
    public Optional<Receivable> find(ReceivableId id) {
        return Optional.ofNullable(em.find(ReceivableEntity.class, id.value()))
                .map(ReceivableEntityMapper::toDomain);
    }

    @Override
    public Map<ReceivableId, Receivable> findAll(Collection<ReceivableId> ids) {
        Map<ReceivableId, Receivable> found = new LinkedHashMap<>();
        List<Long> values = ids.stream().map(ReceivableId::value).distinct().toList();
        for (List<Long> chunk : Columns.chunks(values)) {
            em.createQuery("SELECT r FROM ReceivableEntity r WHERE r.id IN :ids ORDER BY r.id", ReceivableEntity.class)
                    .setParameter("ids", chunk)
                    .getResultList()
                    .forEach(entity -> found.put(new ReceivableId(entity.id()), ReceivableEntityMapper.toDomain(entity)));
        }
        return found;
    }

    @Override
    public List<Receivable> allOpenFor(CustomerId customer) {
        // One range scan of ix_receivable_customer_due and no relationship to load: linear in the invoice count.
        return em.createQuery("SELECT r" + OPEN_OF_CUSTOMER + " ORDER BY r.dueDate, r.issueDate, r.id",
                        ReceivableEntity.class)
                .setParameter("customer", customer.value())
                .getResultList()
                .stream()
                .map(ReceivableEntityMapper::toDomain)
                .toList();
    }

    @Override
    public Page<Receivable> openFor(CustomerId customer, PageRequest page) {
        List<Receivable> items = em.createQuery("SELECT r" + OPEN_OF_CUSTOMER + " ORDER BY r.dueDate, r.issueDate, r.id",
                        ReceivableEntity.class)
                .setParameter("customer", customer.value())
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList()
                .stream()
                .map(ReceivableEntityMapper::toDomain)
                .toList();
        long total = em.createQuery("SELECT COUNT(r)" + OPEN_OF_CUSTOMER, Long.class)
                .setParameter("customer", customer.value())
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public List<String> existingNumbers(CustomerId customer, Collection<String> numbers) {
        List<String> existing = new ArrayList<>();
        for (List<String> chunk : Columns.chunks(new HashSet<>(numbers))) {
            existing.addAll(em.createQuery("SELECT r.invoiceNumber FROM ReceivableEntity r"
                            + " WHERE r.customerId = :customer AND r.invoiceNumber IN :numbers", String.class)
                    .setParameter("customer", customer.value())
                    .setParameter("numbers", chunk)
                    .getResultList());
        }
        existing.sort(null);
        return existing;
    }

    @Override
    public void update(Collection<Receivable> receivables) {
        if (receivables.isEmpty()) {
            return;
        }
        for (Receivable receivable : receivables) {
            String what = "receivable " + receivable.number() + " (" + receivable.id() + ")";
            // Usually already managed (read earlier in this transaction), so no SQL until the flush.
            ReceivableEntity entity = em.find(ReceivableEntity.class, receivable.id().value());
            if (entity == null) {
                throw new IllegalStateException(what + " does not exist");
            }
            Versions.requireUnchanged(what, receivable.version(), entity.version());
            ReceivableEntityMapper.copyChanges(receivable, entity);
        }
        Versions.flush(em, receivables.size() == 1 ? "receivable " + receivables.iterator().next().number()
                : "one of " + receivables.size() + " receivables");
    }
}
