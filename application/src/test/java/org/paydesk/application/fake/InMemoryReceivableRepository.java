package org.paydesk.application.fake;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;

/**
 * Invoices in a map. Reads hand out copies; {@link #update} checks every version first and writes all or none, like
 * one flush of a transaction. A customer's invoice numbers are unique, as the schema's constraint makes them.
 */
public final class InMemoryReceivableRepository implements ReceivableRepository {

    private final Map<ReceivableId, Receivable> stored = new LinkedHashMap<>();
    private long lastId;

    @Override
    public ReceivableId nextId() {
        return new ReceivableId(++lastId);
    }

    @Override
    public void add(Receivable receivable) {
        if (stored.containsKey(receivable.id())) {
            throw new IllegalStateException("receivable " + receivable.id() + " is already stored");
        }
        if (!existingNumbers(receivable.customerId(), List.of(receivable.number())).isEmpty()) {
            throw new IllegalStateException("unique constraint: customer " + receivable.customerId()
                    + " already has invoice " + receivable.number());
        }
        lastId = Math.max(lastId, receivable.id().value());
        stored.put(receivable.id(), copy(receivable, receivable.version()));
    }

    @Override
    public Optional<Receivable> find(ReceivableId id) {
        return Optional.ofNullable(stored.get(id)).map(receivable -> copy(receivable, receivable.version()));
    }

    @Override
    public Map<ReceivableId, Receivable> findAll(Collection<ReceivableId> ids) {
        Map<ReceivableId, Receivable> found = new LinkedHashMap<>();
        ids.forEach(id -> find(id).ifPresent(receivable -> found.put(id, receivable)));
        return found;
    }

    @Override
    public List<Receivable> allOpenFor(CustomerId customer) {
        return stored.values().stream()
                .filter(receivable -> receivable.belongsTo(customer) && receivable.isOpen())
                .sorted(Receivable.OLDEST_DUE_FIRST)
                .map(receivable -> copy(receivable, receivable.version()))
                .toList();
    }

    @Override
    public Page<Receivable> openFor(CustomerId customer, PageRequest page) {
        return Pages.of(allOpenFor(customer), page);
    }

    @Override
    public List<String> existingNumbers(CustomerId customer, Collection<String> numbers) {
        return stored.values().stream()
                .filter(receivable -> receivable.belongsTo(customer) && numbers.contains(receivable.number()))
                .map(Receivable::number)
                .sorted()
                .toList();
    }

    @Override
    public void update(Collection<Receivable> receivables) {
        for (Receivable receivable : receivables) {
            Receivable current = stored.get(receivable.id());
            if (current == null) {
                throw new IllegalStateException("receivable " + receivable.id() + " was never stored");
            }
            if (current.version() != receivable.version()) {
                throw new ConflictException("concurrent_update", null, "receivable " + receivable.id()
                        + " is at version " + current.version() + ", not " + receivable.version());
            }
        }
        receivables.forEach(receivable -> stored.put(receivable.id(), copy(receivable, receivable.version() + 1)));
    }

    /** Every invoice stored, as stored, in the order they were added. */
    public List<Receivable> all() {
        return stored.values().stream().map(receivable -> copy(receivable, receivable.version())).toList();
    }

    public List<Receivable> allFor(CustomerId customer) {
        return all().stream().filter(receivable -> receivable.belongsTo(customer)).toList();
    }

    private static Receivable copy(Receivable receivable, long version) {
        return Receivable.restore(receivable.id(), receivable.customerId(), receivable.number(),
                receivable.issueDate(), receivable.dueDate(), receivable.originalAmount(), receivable.openBalance(),
                version);
    }
}
