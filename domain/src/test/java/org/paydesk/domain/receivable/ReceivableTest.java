package org.paydesk.domain.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Receivables.aReceivable;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.shared.DomainException;

class ReceivableTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void a_new_invoice_is_fully_open() {
        Receivable invoice = Receivable.open(new ReceivableId(7), new CustomerId(1), "INV-7", JAN_1,
                JAN_1.plusDays(30), usd("100.00"));

        assertEquals(usd("100.00"), invoice.openBalance());
        assertEquals(usd("100.00"), invoice.originalAmount());
        assertEquals(ReceivableStatus.OPEN, invoice.status());
        assertTrue(invoice.isOpen());
    }

    @Test
    void applying_money_lowers_the_open_balance() {
        Receivable invoice = aReceivable().withBalance("100.00").build();

        invoice.apply(usd("30.00"));

        assertEquals(usd("70.00"), invoice.openBalance());
        assertEquals(usd("100.00"), invoice.originalAmount());
        assertEquals(ReceivableStatus.PARTIALLY_PAID, invoice.status());
    }

    @Test
    void applying_the_whole_balance_pays_the_invoice() {
        Receivable invoice = aReceivable().withBalance("100.00").build();

        invoice.apply(usd("100.00"));

        assertEquals(usd("0"), invoice.openBalance());
        assertEquals(ReceivableStatus.PAID, invoice.status());
        assertFalse(invoice.isOpen());
    }

    @Test
    void cannot_apply_more_than_is_open() {
        Receivable invoice = aReceivable().withAmount("100.00").withBalance("40.00").build();

        DomainException refused = assertRefused("allocation_exceeds_balance", "amount",
                () -> invoice.apply(usd("40.01")));

        assertTrue(refused.getMessage().contains("40.00"), refused.getMessage());
        assertEquals(usd("40.00"), invoice.openBalance());
    }

    @Test
    void cannot_apply_anything_to_a_paid_invoice() {
        Receivable invoice = aReceivable().paid().build();

        assertRefused("allocation_exceeds_balance", "amount", () -> invoice.apply(usd("0.01")));
        assertEquals(ReceivableStatus.PAID, invoice.status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-5.00"})
    void applied_and_reversed_amounts_must_be_positive(String amount) {
        Receivable invoice = aReceivable().withAmount("100.00").withBalance("50.00").build();

        assertRefused("invalid_amount", "amount", () -> invoice.apply(usd(amount)));
        assertRefused("invalid_amount", "amount", () -> invoice.reverse(usd(amount)));
        assertEquals(usd("50.00"), invoice.openBalance());
    }

    @Test
    void refuses_money_in_another_currency_and_names_both() {
        Receivable invoice = aReceivable().withBalance("100.00").build();

        DomainException refused = assertRefused("currency_mismatch", "currency", () -> invoice.apply(eur("1.00")));
        assertRefused("currency_mismatch", "currency", () -> invoice.reverse(eur("1.00")));

        assertTrue(refused.getMessage().contains("USD") && refused.getMessage().contains("EUR"),
                refused.getMessage());
        assertEquals(usd("100.00"), invoice.openBalance());
    }

    @Test
    void a_reversal_reopens_the_balance() {
        Receivable invoice = aReceivable().withBalance("100.00").build();
        invoice.apply(usd("100.00"));

        invoice.reverse(usd("25.00"));
        assertEquals(usd("25.00"), invoice.openBalance());
        assertEquals(ReceivableStatus.PARTIALLY_PAID, invoice.status());

        invoice.reverse(usd("75.00"));
        assertEquals(usd("100.00"), invoice.openBalance());
        assertEquals(ReceivableStatus.OPEN, invoice.status());
    }

    @Test
    void a_reversal_cannot_take_the_balance_above_the_original_amount() {
        Receivable invoice = aReceivable().withAmount("100.00").withBalance("90.00").build();

        assertThrows(IllegalStateException.class, () -> invoice.reverse(usd("10.01")));
        assertEquals(usd("90.00"), invoice.openBalance());

        invoice.reverse(usd("10.00"));
        assertEquals(usd("100.00"), invoice.openBalance());
    }

    @Test
    void status_follows_the_open_balance() {
        assertEquals(ReceivableStatus.OPEN, aReceivable().withAmount("100.00").withBalance("100.00").build().status());
        assertEquals(ReceivableStatus.PARTIALLY_PAID,
                aReceivable().withAmount("100.00").withBalance("0.01").build().status());
        assertEquals(ReceivableStatus.PARTIALLY_PAID,
                aReceivable().withAmount("100.00").withBalance("99.99").build().status());
        assertEquals(ReceivableStatus.PAID, aReceivable().withAmount("100.00").withBalance("0").build().status());
    }

    @Test
    void refuses_an_invoice_due_before_it_was_issued() {
        assertRefused("due_before_issue", "dueDate",
                () -> aReceivable().issuedOn(JAN_1).dueOn(JAN_1.minusDays(1)).build());
    }

    @Test
    void may_fall_due_on_the_day_it_is_issued() {
        Receivable invoice = aReceivable().issuedOn(JAN_1).dueOn(JAN_1).build();

        assertEquals(JAN_1, invoice.dueDate());
        assertEquals(JAN_1, invoice.issueDate());
    }

    @Test
    void requires_both_dates_and_a_number() {
        assertRefused("required", "issueDate", () -> Receivable.open(new ReceivableId(1), new CustomerId(1), "INV-1",
                null, JAN_1, usd("1.00")));
        assertRefused("required", "dueDate", () -> Receivable.open(new ReceivableId(1), new CustomerId(1), "INV-1",
                JAN_1, null, usd("1.00")));
        assertRefused("required", "number", () -> aReceivable().numbered(" ").build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-100.00"})
    void an_invoice_amount_must_be_positive(String amount) {
        assertRefused("invalid_amount", "amount", () -> Receivable.open(new ReceivableId(1), new CustomerId(1),
                "INV-1", JAN_1, JAN_1, usd(amount)));
    }

    @Test
    void an_imported_invoice_may_be_partly_paid_but_its_balance_stays_within_the_amount() {
        Receivable partlyPaid = Receivable.importWithBalance(new ReceivableId(1), new CustomerId(1), "INV-1", JAN_1,
                JAN_1, usd("100.00"), usd("60.00"));
        assertEquals(usd("60.00"), partlyPaid.openBalance());
        assertEquals(ReceivableStatus.PARTIALLY_PAID, partlyPaid.status());

        assertRefused("invalid_open_balance", "openBalance", () -> Receivable.importWithBalance(new ReceivableId(1),
                new CustomerId(1), "INV-1", JAN_1, JAN_1, usd("100.00"), usd("100.01")));
        assertRefused("invalid_open_balance", "openBalance", () -> Receivable.importWithBalance(new ReceivableId(1),
                new CustomerId(1), "INV-1", JAN_1, JAN_1, usd("100.00"), usd("-0.01")));
    }

    @Test
    void a_stored_balance_outside_zero_and_the_amount_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> aReceivable().withAmount("100.00").withBalance("100.01").build());
        assertThrows(IllegalArgumentException.class,
                () -> aReceivable().withAmount("100.00").withBalance("-1.00").build());
    }

    @Test
    void knows_its_customer() {
        Receivable invoice = aReceivable().forCustomer(3).build();

        assertTrue(invoice.belongsTo(new CustomerId(3)));
        assertFalse(invoice.belongsTo(new CustomerId(4)));
    }

    @Test
    void oldest_due_first_orders_by_due_date_then_issue_date_then_id() {
        Receivable dueLast = aReceivable().withId(1).issuedOn(JAN_1).dueOn(JAN_1.plusDays(60)).build();
        Receivable dueFirstIssuedLater = aReceivable().withId(2).issuedOn(JAN_1.plusDays(5)).dueOn(JAN_1.plusDays(30))
                .build();
        Receivable dueFirstIssuedEarlierHigherId = aReceivable().withId(9).issuedOn(JAN_1).dueOn(JAN_1.plusDays(30))
                .build();
        Receivable dueFirstIssuedEarlierLowerId = aReceivable().withId(4).issuedOn(JAN_1).dueOn(JAN_1.plusDays(30))
                .build();
        List<Receivable> invoices = new ArrayList<>(List.of(dueLast, dueFirstIssuedLater,
                dueFirstIssuedEarlierHigherId, dueFirstIssuedEarlierLowerId));

        invoices.sort(Receivable.OLDEST_DUE_FIRST);

        assertEquals(List.of(dueFirstIssuedEarlierLowerId, dueFirstIssuedEarlierHigherId, dueFirstIssuedLater,
                dueLast), invoices);
    }

    @Test
    void receivable_ids_are_positive() {
        assertThrows(IllegalArgumentException.class, () -> new ReceivableId(0));
        assertEquals("12", new ReceivableId(12).toString());
    }
}
