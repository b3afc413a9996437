package org.paydesk.adapters.rest.customer;

import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.customer.Customer;

/** A customer as the API shows it. */
public record CustomerJson(long id, String number, String name, String email, String currency,
        MoneyJson creditBalance) {

    static CustomerJson of(Customer customer) {
        return new CustomerJson(customer.id().value(), customer.number(), customer.name(), customer.email(),
                customer.currency().getCurrencyCode(), MoneyJson.of(customer.creditBalance()));
    }
}
