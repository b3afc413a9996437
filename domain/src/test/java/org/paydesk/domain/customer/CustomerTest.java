package org.paydesk.domain.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Customers.aCustomer;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

class CustomerTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void a_registered_customer_starts_without_credit() {
        Customer customer = Customer.register(new CustomerId(5), "C-0005", "Acme", "ap@acme.example", USD);

        assertEquals(Money.zero(USD), customer.creditBalance());
        assertEquals(0, customer.version());
        assertEquals(new CustomerId(5), customer.id());
        assertEquals("C-0005", customer.number());
    }

    @Test
    void keeps_the_number_and_name_without_surrounding_blanks() {
        Customer customer = aCustomer().numbered("  C-42 ").named(" Acme ").build();

        assertEquals("C-42", customer.number());
        assertEquals("Acme", customer.name());
    }

    @Test
    void adding_credit_raises_the_balance() {
        Customer customer = aCustomer().withCredit("10.00").build();

        customer.addCredit(usd("15.50"));

        assertEquals(usd("25.50"), customer.creditBalance());
    }

    @Test
    void removing_credit_lowers_the_balance_down_to_zero() {
        Customer customer = aCustomer().withCredit("25.50").build();

        customer.removeCredit(usd("20.00"));
        assertEquals(usd("5.50"), customer.creditBalance());

        customer.removeCredit(usd("5.50"));
        assertEquals(usd("0"), customer.creditBalance());
    }

    @Test
    void refuses_to_remove_more_credit_than_the_customer_holds() {
        Customer customer = aCustomer().withCredit("10.00").build();

        DomainException refused = assertRefused("insufficient_credit", "amount",
                () -> customer.removeCredit(usd("10.01")));

        assertTrue(refused.getMessage().contains("10.00"), refused.getMessage());
        assertEquals(usd("10.00"), customer.creditBalance());
    }

    @Test
    void refuses_credit_in_another_currency_and_names_both() {
        Customer customer = aCustomer().withCredit("10.00").build();

        DomainException added = assertRefused("currency_mismatch", "currency", () -> customer.addCredit(eur("1.00")));
        assertRefused("currency_mismatch", "currency", () -> customer.removeCredit(eur("1.00")));

        assertTrue(added.getMessage().contains("USD") && added.getMessage().contains("EUR"), added.getMessage());
        assertEquals(usd("10.00"), customer.creditBalance());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-1.00"})
    void credit_movements_must_be_positive(String amount) {
        Customer customer = aCustomer().withCredit("10.00").build();

        assertThrows(IllegalArgumentException.class, () -> customer.addCredit(usd(amount)));
        assertThrows(IllegalArgumentException.class, () -> customer.removeCredit(usd(amount)));
        assertEquals(usd("10.00"), customer.creditBalance());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"not-an-address", "ap@acme", "@acme.example", "ap@", "a p@acme.example",
        "ap@acme@example.com"})
    void refuses_an_email_that_is_not_an_address(String email) {
        assertRefused("invalid_email", "email", () -> aCustomer().withEmail(email).build());
    }

    @Test
    void refuses_an_overlong_email() {
        String email = "a".repeat(250) + "@acme.example";

        assertRefused("too_long", "email", () -> aCustomer().withEmail(email).build());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   "})
    void an_empty_email_means_none_is_known(String email) {
        assertNull(aCustomer().withEmail(email).build().email());
        assertNull(aCustomer().withoutEmail().build().email());
    }

    @Test
    void keeps_a_valid_email_trimmed() {
        assertEquals("ap@acme.example", aCustomer().withEmail(" ap@acme.example ").build().email());
    }

    @Test
    void requires_a_number_and_a_name() {
        assertRefused("required", "number", () -> aCustomer().numbered(" ").build());
        assertRefused("required", "name", () -> aCustomer().named("").build());
        assertRefused("too_long", "number", () -> aCustomer().numbered("C".repeat(41)).build());
    }

    @Test
    void a_stored_customer_cannot_hold_negative_credit_or_credit_in_another_currency() {
        assertThrows(IllegalArgumentException.class, () -> aCustomer().withCredit("-0.01").build());
        assertThrows(IllegalArgumentException.class, () -> Customer.restore(new CustomerId(1), "C-1", "Acme", null,
                USD, eur("1.00"), CustomerPreferences.DEFAULT, 0));
    }

    @Test
    void customer_ids_are_positive() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerId(0));
        assertThrows(IllegalArgumentException.class, () -> new CustomerId(-3));
        assertEquals("7", new CustomerId(7).toString());
    }
}
