package org.paydesk.domain.testdata;

import java.util.Currency;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.customer.CustomerPreferences;
import org.paydesk.domain.shared.Money;

/**
 * Builds customers: {@code aCustomer().withId(3).withCredit("25.00").build()}. Defaults: id 1, number
 * {@code C-<id>}, a name, an e-mail address, USD, no credit, version 0.
 */
public final class Customers {

    private Customers() {
    }

    public static Builder aCustomer() {
        return new Builder();
    }

    /** A fluent builder; every setter returns the builder, {@link #build()} makes a new customer each time. */
    public static final class Builder {

        private long id = 1;
        private String number;
        private String name = "Acme Hardware Supply";
        private String email = "ap@acme.example";
        private String currencyCode = "USD";
        private String credit = "0";
        private long version;
        private CustomerPreferences preferences = CustomerPreferences.DEFAULT;

        private Builder() {
        }

        public Builder withId(long id) {
            this.id = id;
            return this;
        }

        public Builder numbered(String number) {
            this.number = number;
            return this;
        }

        public Builder named(String name) {
            this.name = name;
            return this;
        }

        public Builder withEmail(String email) {
            this.email = email;
            return this;
        }

        public Builder withoutEmail() {
            this.email = null;
            return this;
        }

        public Builder inCurrency(String currencyCode) {
            this.currencyCode = currencyCode;
            return this;
        }

        /** Credit held, as a decimal string in the customer's currency. */
        public Builder withCredit(String credit) {
            this.credit = credit;
            return this;
        }

        public Builder requiringPaymentOnConfirmation() {
            this.preferences = new CustomerPreferences(true, preferences.paymentLinksEnabled(),
                    preferences.receiptsEnabled());
            return this;
        }

        public Builder withPreferences(CustomerPreferences preferences) {
            this.preferences = preferences;
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Customer build() {
            Currency currency = Money.currencyOf(currencyCode);
            return Customer.restore(new CustomerId(id), number == null ? "C-" + id : number, name, email, currency,
                    Money.parse(credit, currencyCode), preferences, version);
        }
    }
}
