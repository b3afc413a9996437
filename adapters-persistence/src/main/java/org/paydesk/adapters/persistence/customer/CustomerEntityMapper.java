package org.paydesk.adapters.persistence.customer;

import java.util.Currency;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.shared.Money;

/** Between {@link Customer} and its row; the version travels into the domain object so stale updates fail. */
final class CustomerEntityMapper {

    private CustomerEntityMapper() {
    }

    static Customer toDomain(CustomerEntity entity) {
        Currency currency = Currency.getInstance(entity.currency());
        return Customer.restore(new CustomerId(entity.id()), entity.customerNumber(), entity.name(), entity.email(),
                currency, Money.ofMinor(entity.creditMinor(), currency), entity.version());
    }

    static CustomerEntity toNewEntity(Customer customer) {
        return new CustomerEntity(customer.id().value(), customer.number(), customer.name(), customer.email(),
                customer.currency().getCurrencyCode(), customer.creditBalance().minorUnits());
    }

    /** Copies what may change after registration: the credit. */
    static void copyChanges(Customer customer, CustomerEntity entity) {
        entity.changeCredit(customer.creditBalance().minorUnits());
    }
}
