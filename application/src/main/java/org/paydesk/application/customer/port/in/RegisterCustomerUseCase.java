package org.paydesk.application.customer.port.in;

import org.paydesk.domain.customer.Customer;

/** Register a customer so invoices can be imported and payments received for it. */
public interface RegisterCustomerUseCase {

    /**
     * @throws org.paydesk.application.shared.ConflictException {@code customer_number_taken}
     * @throws org.paydesk.domain.shared.DomainException for an invalid field
     */
    Customer register(RegisterCustomerCommand command);
}
