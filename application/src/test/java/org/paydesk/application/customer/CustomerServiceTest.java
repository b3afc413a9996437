package org.paydesk.application.customer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paydesk.application.customer.port.in.RegisterCustomerCommand;
import org.paydesk.application.fake.InMemoryBuyerAccounts;
import org.paydesk.application.fake.InMemoryCustomerRepository;
import org.paydesk.application.fake.RecordingAuditTrail;
import org.paydesk.application.fake.SettableTimeSource;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;

class CustomerServiceTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    private static final Actor ADMIN = new Actor("ada.admin", "10.0.0.2");

    private final InMemoryCustomerRepository customers = new InMemoryCustomerRepository();
    private final InMemoryBuyerAccounts buyers = new InMemoryBuyerAccounts();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final CustomerService service = new CustomerService(customers, buyers, audit, new SettableTimeSource(NOW));

    private Customer register(String number, String name) {
        return service.register(new RegisterCustomerCommand(number, name, "ap@example.com", "EUR", ADMIN));
    }

    @Test
    void registering_stores_the_customer_without_credit_and_audits_it() {
        Customer registered = service.register(new RegisterCustomerCommand("  C-100 ", " Acme Hardware ",
                "ap@acme.example", "EUR", ADMIN));

        Customer stored = customers.find(registered.id()).orElseThrow();
        AuditEntry entry = audit.entries().get(0);
        assertAll(
                () -> assertEquals("C-100", stored.number()),
                () -> assertEquals("Acme Hardware", stored.name()),
                () -> assertEquals("ap@acme.example", stored.email()),
                () -> assertEquals("EUR", stored.currency().getCurrencyCode()),
                () -> assertEquals(eur("0"), stored.creditBalance()),
                () -> assertEquals(1, audit.entries().size()),
                () -> assertEquals("customer.registered", entry.action()),
                () -> assertEquals(ADMIN, entry.actor()),
                () -> assertEquals(NOW, entry.at()),
                () -> assertEquals("customer", entry.subjectType()),
                () -> assertEquals(registered.id().toString(), entry.subjectId()),
                () -> assertEquals("C-100", entry.detail()));
    }

    @Test
    void a_number_already_taken_is_a_conflict_and_nothing_more_is_stored_or_audited() {
        register("C-100", "Acme Hardware");

        ConflictException taken = assertThrows(ConflictException.class, () -> register(" C-100", "Other Name"));

        assertAll(
                () -> assertEquals("customer_number_taken", taken.code()),
                () -> assertEquals("number", taken.field()),
                () -> assertEquals(1, customers.all().size()),
                () -> assertEquals("Acme Hardware", customers.all().get(0).name()),
                () -> assertEquals(1, audit.entries().size()));
    }

    @Test
    void invalid_fields_are_refused_by_the_rules_of_the_domain_and_nothing_is_stored() {
        assertRefused("invalid_email", "email",
                () -> service.register(new RegisterCustomerCommand("C-1", "Acme", "not-an-address", "USD", ADMIN)));
        assertRefused("invalid_currency", "currency",
                () -> service.register(new RegisterCustomerCommand("C-1", "Acme", null, "usd", ADMIN)));
        assertRefused("required", "name",
                () -> service.register(new RegisterCustomerCommand("C-1", " ", null, "USD", ADMIN)));

        assertTrue(customers.all().isEmpty());
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void a_customer_without_an_email_address_can_be_registered() {
        Customer registered = service.register(new RegisterCustomerCommand("C-1", "Acme", "  ", "USD", ADMIN));

        assertNull(customers.find(registered.id()).orElseThrow().email());
    }

    @Test
    void an_unknown_customer_is_not_found() {
        assertThrows(NotFoundException.class, () -> service.get(new CustomerId(42)));
    }

    @Test
    void search_trims_the_text_before_matching() {
        register("C-100", "Acme Hardware");
        register("C-200", "Bolt Supply");

        Page<Customer> found = service.search("  acme\t", new PageRequest(0, 20));

        assertAll(
                () -> assertEquals(List.of("acme"), customers.searchedTexts()),
                () -> assertEquals(List.of("C-100"), found.items().stream().map(Customer::number).toList()),
                () -> assertEquals(1, found.total()));
    }

    @Test
    void a_missing_or_blank_search_text_lists_every_customer() {
        register("C-100", "Acme Hardware");
        register("C-200", "Bolt Supply");

        assertEquals(2, service.search(null, new PageRequest(0, 20)).total());
        assertEquals(2, service.search("   ", new PageRequest(0, 20)).total());
        assertEquals(List.of("", ""), customers.searchedTexts());
    }

    @Test
    void linking_a_buyer_login_trims_it_and_audits_the_link() {
        Customer acme = register("C-100", "Acme Hardware");

        service.link("  buyer@acme.example ", acme.id(), ADMIN);

        assertAll(
                () -> assertEquals(Map.of("buyer@acme.example", acme.id()), buyers.links()),
                () -> assertEquals(Optional.of(acme.id()), service.customerOf("buyer@acme.example")),
                () -> assertEquals("buyer.linked", audit.entries().get(1).action()),
                () -> assertEquals(ADMIN, audit.entries().get(1).actor()));
    }

    @Test
    void a_buyer_cannot_be_linked_to_an_unknown_customer() {
        assertThrows(NotFoundException.class, () -> service.link("buyer@acme.example", new CustomerId(9), ADMIN));

        assertTrue(buyers.links().isEmpty());
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void no_login_acts_for_no_customer() {
        assertEquals(Optional.empty(), service.customerOf(null));
        assertEquals(Optional.empty(), service.customerOf("nobody@example.com"));
    }
}
