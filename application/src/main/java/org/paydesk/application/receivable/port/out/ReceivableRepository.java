package org.paydesk.application.receivable.port.out;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;

/**
 * Stores invoices. Balances change only while the owning customer is locked
 * ({@link org.paydesk.application.customer.port.out.CustomerRepository#lock}); versions catch anything else.
 */
public interface ReceivableRepository {

    ReceivableId nextId();

    void add(Receivable receivable);

    Optional<Receivable> find(ReceivableId id);

    /** The invoices with these ids that exist, by id. */
    Map<ReceivableId, Receivable> findAll(Collection<ReceivableId> ids);

    /** Every open invoice of the customer, oldest due first. */
    List<Receivable> allOpenFor(CustomerId customer);

    Page<Receivable> openFor(CustomerId customer, PageRequest page);

    /** The numbers among {@code numbers} that this customer already has. */
    List<String> existingNumbers(CustomerId customer, Collection<String> numbers);

    /**
     * Writes changed balances.
     *
     * @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} when one changed since read
     */
    void update(Collection<Receivable> receivables);
}
