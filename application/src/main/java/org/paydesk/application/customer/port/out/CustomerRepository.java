package org.paydesk.application.customer.port.out;

import java.util.Optional;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;

/**
 * Stores customers. {@link #lock} is the one serialisation point for everything that moves a customer's money
 * (invoice balances and credit): whoever holds it may allocate without racing another payment.
 */
public interface CustomerRepository {

    CustomerId nextId();

    void add(Customer customer);

    Optional<Customer> find(CustomerId id);

    /** Reads the customer and holds a write lock on it until the transaction ends. */
    Optional<Customer> lock(CustomerId id);

    boolean numberTaken(String number);

    /**
     * Writes the customer's changed state.
     *
     * @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} when it changed since read
     */
    void update(Customer customer);

    Page<Customer> search(String text, PageRequest page);
}
