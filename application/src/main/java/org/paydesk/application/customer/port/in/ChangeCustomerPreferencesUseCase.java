package org.paydesk.application.customer.port.in;

import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.customer.CustomerPreferences;

/** How the distributor deals with a customer: payment upon confirmation, payment links, receipts. */
public interface ChangeCustomerPreferencesUseCase {

    /** @throws org.paydesk.application.shared.NotFoundException no such customer */
    Customer changePreferences(CustomerId id, CustomerPreferences preferences, Actor actor);
}
