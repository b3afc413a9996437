package org.paydesk.adapters.persistence.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Locale;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Sequences;
import org.paydesk.adapters.persistence.shared.Versions;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;

/**
 * Customers in table {@code customer}.
 *
 * <p>Guarantees: {@link #lock} takes a database row lock ({@code SELECT ... FOR UPDATE}, on H2 and Oracle alike)
 * held until the caller's transaction ends, so everything that moves one customer's money is serialised on that
 * row; {@link #update} writes the credit and the preferences, never from a stale read ({@code concurrent_update});
 * customer numbers are unique (constraint {@code uq_customer_number}). Joins the caller's transaction.
 */
@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaCustomerRepository() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaCustomerRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public CustomerId nextId() {
        return new CustomerId(Sequences.next(em, CustomerEntity.class));
    }

    @Override
    public void add(Customer customer) {
        em.persist(CustomerEntityMapper.toNewEntity(customer));
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        return Optional.ofNullable(em.find(CustomerEntity.class, id.value())).map(CustomerEntityMapper::toDomain);
    }

    @Override
    public Optional<Customer> lock(CustomerId id) {
        // PESSIMISTIC_WRITE reads the committed row with FOR UPDATE; a second payment for the same customer waits
        // here until the first one's transaction ends, and then sees its balances.
        return Optional.ofNullable(em.find(CustomerEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(CustomerEntityMapper::toDomain);
    }

    @Override
    public boolean numberTaken(String number) {
        return !em.createQuery("SELECT c.id FROM CustomerEntity c WHERE c.customerNumber = :number", Long.class)
                .setParameter("number", number)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void update(Customer customer) {
        String what = "customer " + customer.id();
        CustomerEntity entity = em.find(CustomerEntity.class, customer.id().value());
        if (entity == null) {
            throw new IllegalStateException(what + " does not exist");
        }
        Versions.requireUnchanged(what, customer.version(), entity.version());
        CustomerEntityMapper.copyChanges(customer, entity);
        Versions.flush(em, what);
    }

    @Override
    public Page<Customer> search(String text, PageRequest page) {
        String pattern = text == null || text.isBlank() ? null : "%" + escapeLike(text.strip()) + "%";
        String where = pattern == null ? ""
                : " WHERE LOWER(c.customerNumber) LIKE :pattern ESCAPE '\\' OR LOWER(c.name) LIKE :pattern ESCAPE '\\'";
        TypedQuery<CustomerEntity> query = em.createQuery(
                "SELECT c FROM CustomerEntity c" + where + " ORDER BY c.customerNumber", CustomerEntity.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CustomerEntity c" + where, Long.class);
        if (pattern != null) {
            query.setParameter("pattern", pattern);
            count.setParameter("pattern", pattern);
        }
        var items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(CustomerEntityMapper::toDomain)
                .toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    /** The user's text matches literally: % and _ are not wildcards for them. */
    private static String escapeLike(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
