package org.paydesk.adapters.persistence.customer;

import java.util.Currency;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.customer.CustomerPreferences;
import org.paydesk.domain.shared.Money;

/** Between {@link Customer} and its row; the version travels into the domain object so stale updates fail. */
final class CustomerEntityMapper {

    private CustomerEntityMapper() {
    }

    static Customer toDomain(CustomerEntity entity) {
        Currency currency = Currency.getInstance(entity.currency());
        return Customer.restore(new CustomerId(entity.id()), entity.customerNumber(), entity.name(), entity.email(),
                currency, Money.ofMinor(entity.creditMinor(), currency), new CustomerPreferences(
                        entity.requirePaymentOnConfirm(), entity.paymentLinksEnabled(), entity.receiptsEnabled()),
                entity.version());
    }

    static CustomerEntity toNewEntity(Customer customer) {
        CustomerPreferences preferences = customer.preferences();
        return new CustomerEntity(customer.id().value(), customer.number(), customer.name(), customer.email(),
                customer.currency().getCurrencyCode(), customer.creditBalance().minorUnits(),
                preferences.requirePaymentOnConfirmation(), preferences.paymentLinksEnabled(),
                preferences.receiptsEnabled());
    }

    /** Copies what may change after registration: the credit and the preferences. */
    static void copyChanges(Customer customer, CustomerEntity entity) {
        CustomerPreferences preferences = customer.preferences();
        entity.changeCredit(customer.creditBalance().minorUnits());
        entity.changePreferences(preferences.requirePaymentOnConfirmation(), preferences.paymentLinksEnabled(),
                preferences.receiptsEnabled());
    }
}
