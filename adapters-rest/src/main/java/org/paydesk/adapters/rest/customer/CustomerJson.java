package org.paydesk.adapters.rest.customer;

import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerPreferences;

/** A customer as the API shows it. */
public record CustomerJson(long id, String number, String name, String email, String currency,
        MoneyJson creditBalance, PreferencesJson preferences) {

    /** How the distributor deals with the customer; also the body of {@code PUT /customers/{id}/preferences}. */
    public record PreferencesJson(Boolean requirePaymentOnConfirmation, Boolean paymentLinksEnabled,
            Boolean receiptsEnabled) {

        static PreferencesJson of(CustomerPreferences preferences) {
            return preferences == null ? null : new PreferencesJson(preferences.requirePaymentOnConfirmation(),
                    preferences.paymentLinksEnabled(), preferences.receiptsEnabled());
        }
    }

    static CustomerJson of(Customer customer) {
        return new CustomerJson(customer.id().value(), customer.number(), customer.name(), customer.email(),
                customer.currency().getCurrencyCode(), MoneyJson.of(customer.creditBalance()),
                PreferencesJson.of(customer.preferences()));
    }
}
