package org.paydesk.application.receivable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Customers.aCustomer;
import static org.paydesk.domain.testdata.Receivables.aReceivable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.application.fake.InMemoryCustomerRepository;
import org.paydesk.application.fake.InMemoryReceivableRepository;
import org.paydesk.application.fake.RecordingAuditTrail;
import org.paydesk.application.fake.SettableTimeSource;
import org.paydesk.application.receivable.port.in.ImportReceivablesCommand;
import org.paydesk.application.receivable.port.in.ImportReceivablesCommand.Line;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.FieldViolation;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.receivable.ReceivableStatus;
import org.paydesk.domain.shared.Money;

class ReceivableServiceTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    private static final Actor ERP = new Actor("erp-integration", "10.1.2.3");
    private static final LocalDate ISSUED = LocalDate.of(2024, 2, 1);
    private static final LocalDate DUE = LocalDate.of(2024, 3, 2);

    private final InMemoryCustomerRepository customers = new InMemoryCustomerRepository();
    private final InMemoryReceivableRepository receivables = new InMemoryReceivableRepository();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final ReceivableService service = new ReceivableService(customers, receivables, audit,
            new SettableTimeSource(NOW));
    private final Customer acme = stored(aCustomer().withId(1).build());

    private Customer stored(Customer customer) {
        customers.add(customer);
        return customer;
    }

    private static Line line(String number, Money amount) {
        return new Line(number, ISSUED, DUE, amount, null);
    }

    private List<Receivable> importFor(Customer customer, Line... lines) {
        return service.importReceivables(new ImportReceivablesCommand(customer.id(), List.of(lines), ERP));
    }

    @Test
    void an_import_stores_every_invoice_fully_or_partly_open_and_audits_it() {
        List<Receivable> created = importFor(acme, line("INV-1001", usd("250.00")),
                new Line("INV-1002", ISSUED, DUE, usd("100.00"), usd("40.00")));

        List<Receivable> stored = receivables.allFor(acme.id());
        AuditEntry entry = audit.entries().get(0);
        assertAll(
                () -> assertEquals(2, created.size()),
                () -> assertEquals(List.of("INV-1001", "INV-1002"), stored.stream().map(Receivable::number).toList()),
                () -> assertEquals(usd("250.00"), stored.get(0).openBalance()),
                () -> assertEquals(ReceivableStatus.OPEN, stored.get(0).status()),
                () -> assertEquals(usd("40.00"), stored.get(1).openBalance()),
                () -> assertEquals(usd("100.00"), stored.get(1).originalAmount()),
                () -> assertEquals(created.get(0).id(), stored.get(0).id()),
                () -> assertEquals(1, audit.entries().size()),
                () -> assertEquals("receivables.imported", entry.action()),
                () -> assertEquals(ERP, entry.actor()),
                () -> assertEquals(NOW, entry.at()),
                () -> assertEquals(acme.id().toString(), entry.subjectId()),
                () -> assertEquals("2 invoice(s)", entry.detail()));
    }

    @Test
    void an_import_with_errors_reports_every_line_at_fault_by_its_field_and_stores_nothing() {
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class, () -> importFor(acme,
                line("INV-1", usd("10.00")),
                line("  ", usd("10.00")),
                new Line("INV-3", DUE, ISSUED, usd("10.00"), null),
                line("INV-4", usd("0.00")),
                line("INV-5", eur("10.00")),
                new Line("INV-6", ISSUED, DUE, usd("10.00"), usd("10.01")),
                line("INV-7", usd("10.00"))));

        assertAll(
                () -> assertEquals(List.of(
                        "receivables[1].number required",
                        "receivables[2].dueDate due_before_issue",
                        "receivables[3].amount invalid_amount",
                        "receivables[4].amount.currency currency_mismatch",
                        "receivables[5].openBalance invalid_open_balance"),
                        invalid.violations().stream().map(v -> v.field() + " " + v.code()).toList()),
                () -> assertTrue(receivables.all().isEmpty()),
                () -> assertTrue(audit.entries().isEmpty()));
    }

    @Test
    void an_invoice_in_another_currency_than_the_customers_is_refused() {
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
                () -> importFor(acme, line("INV-1", eur("10.00"))));

        FieldViolation violation = invalid.violations().get(0);
        assertAll(
                () -> assertEquals("receivables[0].amount.currency", violation.field()),
                () -> assertEquals("currency_mismatch", violation.code()),
                () -> assertTrue(violation.message().contains("USD"), violation.message()),
                () -> assertTrue(receivables.all().isEmpty()));
    }

    @Test
    void an_open_balance_in_another_currency_than_the_amount_is_reported_at_the_open_balance() {
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
                () -> importFor(acme, new Line("INV-1", ISSUED, DUE, usd("10.00"), eur("5.00"))));

        FieldViolation violation = invalid.violations().get(0);
        assertEquals("currency_mismatch", violation.code());
        assertTrue(violation.field().startsWith("receivables[0].openBalance"), violation.field());
    }

    @Test
    void the_same_number_twice_in_one_import_is_refused_and_nothing_is_stored() {
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class, () -> importFor(acme,
                line("INV-1", usd("10.00")), line("INV-2", usd("10.00")), line(" INV-1 ", usd("20.00"))));

        assertAll(
                () -> assertEquals(List.of(new FieldViolation("receivables[2].number", "duplicate_number",
                        "invoice INV-1 appears twice in this import")), invalid.violations()),
                () -> assertTrue(receivables.all().isEmpty()));
    }

    @Test
    void numbers_the_customer_already_has_are_refused_as_taken_and_nothing_is_stored() {
        importFor(acme, line("INV-1", usd("10.00")));

        ConflictException taken = assertThrows(ConflictException.class,
                () -> importFor(acme, line("INV-2", usd("10.00")), line("INV-1", usd("10.00"))));

        assertAll(
                () -> assertEquals("receivable_number_taken", taken.code()),
                () -> assertEquals("receivables", taken.field()),
                () -> assertTrue(taken.getMessage().contains("INV-1"), taken.getMessage()),
                () -> assertEquals(List.of("INV-1"),
                        receivables.all().stream().map(Receivable::number).toList(), "INV-2 was not stored"),
                () -> assertEquals(1, audit.entries().size(), "only the first import is audited"));
    }

    @Test
    void another_customer_may_have_an_invoice_with_the_same_number() {
        Customer other = stored(aCustomer().withId(2).build());
        importFor(acme, line("INV-1", usd("10.00")));

        importFor(other, line("INV-1", usd("20.00")));

        assertEquals(usd("20.00"), receivables.allFor(other.id()).get(0).openBalance());
    }

    @Test
    void an_import_for_an_unknown_customer_is_not_found_and_stores_nothing() {
        ImportReceivablesCommand command = new ImportReceivablesCommand(new CustomerId(99),
                List.of(line("INV-1", usd("10.00"))), ERP);

        assertThrows(NotFoundException.class, () -> service.importReceivables(command));
        assertTrue(receivables.all().isEmpty());
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void an_import_takes_the_customers_lock() {
        importFor(acme, line("INV-1", usd("10.00")));

        assertEquals(List.of(acme.id()), customers.locked());
    }

    @Test
    void an_import_lists_at_least_one_and_at_most_500_invoices() {
        InvalidRequestException none = assertThrows(InvalidRequestException.class,
                () -> new ImportReceivablesCommand(acme.id(), List.of(), ERP));
        InvalidRequestException tooMany = assertThrows(InvalidRequestException.class,
                () -> new ImportReceivablesCommand(acme.id(),
                        Collections.nCopies(ImportReceivablesCommand.MAX_LINES + 1, line("INV-1", usd("1.00"))), ERP));

        assertEquals("receivables required", none.violations().get(0).field() + " " + none.violations().get(0).code());
        assertEquals("too_many", tooMany.violations().get(0).code());
    }

    @Test
    void open_invoices_are_listed_oldest_due_first_without_the_paid_ones() {
        receivables.add(aReceivable().withId(1).forCustomer(1).dueOn(LocalDate.of(2024, 3, 1)).build());
        receivables.add(aReceivable().withId(2).forCustomer(1).dueOn(LocalDate.of(2024, 1, 31)).build());
        receivables.add(aReceivable().withId(3).forCustomer(1).paid().build());
        receivables.add(aReceivable().withId(4).forCustomer(2).build());

        Page<Receivable> page = service.openFor(acme.id(), new PageRequest(0, 20));

        assertEquals(List.of(new ReceivableId(2), new ReceivableId(1)),
                page.items().stream().map(Receivable::id).toList());
        assertEquals(2, page.total());
    }

    @Test
    void unknown_invoices_and_the_open_invoices_of_an_unknown_customer_are_not_found() {
        assertThrows(NotFoundException.class, () -> service.get(new ReceivableId(5)));
        assertThrows(NotFoundException.class, () -> service.openFor(new CustomerId(5), new PageRequest(0, 20)));
    }
}
