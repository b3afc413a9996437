package org.paydesk.application.customer.port.in;

import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;

/** Look customers up: by id, or by a text matched against number and name. */
public interface FindCustomersQuery {

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such customer */
    Customer get(CustomerId id);

    /** Customers whose number or name contains {@code text} (any case); all customers when blank. */
    Page<Customer> search(String text, PageRequest page);
}
