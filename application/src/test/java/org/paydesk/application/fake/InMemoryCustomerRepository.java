package org.paydesk.application.fake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;

/**
 * Customers in a map. Reads hand out copies; {@link #update} refuses a customer whose version is not the stored
 * one and stores it with the next version. {@link #lock} reads like {@link #find} (a single-threaded test needs no
 * lock) but remembers whom it locked.
 */
public final class InMemoryCustomerRepository implements CustomerRepository {

    private final Map<CustomerId, Customer> stored = new LinkedHashMap<>();
    private final List<CustomerId> locked = new ArrayList<>();
    private final List<String> searchedTexts = new ArrayList<>();
    private long lastId;

    @Override
    public CustomerId nextId() {
        return new CustomerId(++lastId);
    }

    @Override
    public void add(Customer customer) {
        if (stored.containsKey(customer.id())) {
            throw new IllegalStateException("customer " + customer.id() + " is already stored");
        }
        if (numberTaken(customer.number())) {
            throw new IllegalStateException("unique constraint: customer number " + customer.number());
        }
        lastId = Math.max(lastId, customer.id().value());
        stored.put(customer.id(), copy(customer, customer.version()));
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        return Optional.ofNullable(stored.get(id)).map(customer -> copy(customer, customer.version()));
    }

    @Override
    public Optional<Customer> lock(CustomerId id) {
        locked.add(id);
        return find(id);
    }

    @Override
    public boolean numberTaken(String number) {
        return stored.values().stream().anyMatch(customer -> customer.number().equals(number));
    }

    @Override
    public void update(Customer customer) {
        Customer current = stored.get(customer.id());
        if (current == null) {
            throw new IllegalStateException("customer " + customer.id() + " was never stored");
        }
        if (current.version() != customer.version()) {
            throw new ConflictException("concurrent_update", null, "customer " + customer.id() + " is at version "
                    + current.version() + ", not " + customer.version());
        }
        stored.put(customer.id(), copy(customer, customer.version() + 1));
    }

    @Override
    public Page<Customer> search(String text, PageRequest page) {
        searchedTexts.add(text);
        String needle = text.toLowerCase(Locale.ROOT);
        List<Customer> matching = stored.values().stream()
                .filter(customer -> needle.isEmpty()
                        || customer.number().toLowerCase(Locale.ROOT).contains(needle)
                        || customer.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Customer::number))
                .map(customer -> copy(customer, customer.version()))
                .toList();
        return Pages.of(matching, page);
    }

    /** Every customer stored, as stored. */
    public List<Customer> all() {
        return stored.values().stream().map(customer -> copy(customer, customer.version())).toList();
    }

    /** The customers locked so far, in order (one entry per call). */
    public List<CustomerId> locked() {
        return List.copyOf(locked);
    }

    /** The texts {@link #search} was asked for, exactly as given. */
    public List<String> searchedTexts() {
        return List.copyOf(searchedTexts);
    }

    private static Customer copy(Customer customer, long version) {
        return Customer.restore(customer.id(), customer.number(), customer.name(), customer.email(),
                customer.currency(), customer.creditBalance(), customer.preferences(), version);
    }
}
