package org.paydesk.adapters.persistence.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.paydesk.adapters.persistence.customer.JpaCustomerRepository;
import org.paydesk.adapters.persistence.receivable.JpaReceivableRepository;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.shared.Money;

/** Test data with sensible defaults, stored through the real repositories, each in its own transaction. */
public final class Fixtures {

    public static final Currency USD = Currency.getInstance("USD");

    /** A moment with nanoseconds, so a round trip that lost precision would show. */
    public static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456789Z");

    private Fixtures() {
    }

    public static Money usd(long cents) {
        return Money.ofMinor(cents, USD);
    }

    public static Customer aCustomer(TestDatabase db, String number) {
        return db.inTransaction(em -> {
            JpaCustomerRepository customers = new JpaCustomerRepository(em);
            Customer customer = Customer.register(customers.nextId(), number, "Customer " + number,
                    "ap@" + number.toLowerCase() + ".example.com", USD);
            customers.add(customer);
            return customer;
        });
    }

    public static Receivable anOpenInvoice(TestDatabase db, CustomerId customer, String number, LocalDate issued,
            LocalDate due, long cents) {
        return db.inTransaction(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Receivable receivable = Receivable.open(receivables.nextId(), customer, number, issued, due, usd(cents));
            receivables.add(receivable);
            return receivable;
        });
    }
}
