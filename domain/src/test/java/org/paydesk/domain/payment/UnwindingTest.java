package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Customers.aCustomer;
import static org.paydesk.domain.testdata.Payments.aPayment;
import static org.paydesk.domain.testdata.Receivables.aReceivable;
import static org.paydesk.domain.testdata.Receivables.byId;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/** Taking money back out of a payment: its unused credit first, then its invoices newest first. */
class UnwindingTest {

    private Receivable older;
    private Receivable newer;
    private Map<ReceivableId, Receivable> invoices;
    private Payment payment;
    private Customer customer;

    @BeforeEach
    void a_payment_of_100_on_two_invoices_with_20_as_credit() {
        // Paid 50 on the older invoice (issued in January) and 30 on the newer one (February); 20 became credit.
        older = aReceivable().withId(1).numbered("INV-1").issuedOn(LocalDate.of(2024, 1, 5)).withAmount("50.00")
                .withBalance("0.00").build();
        newer = aReceivable().withId(2).numbered("INV-2").issuedOn(LocalDate.of(2024, 2, 5)).withAmount("80.00")
                .withBalance("50.00").build();
        invoices = byId(older, newer);
        payment = aPayment().ofAmount("100.00").allocating(1, "50.00").allocating(2, "30.00")
                .inStatus(PaymentStatus.SUCCEEDED).build();
        customer = aCustomer().withCredit("20.00").build();
    }

    @Test
    void takes_the_credit_first() {
        Unwinding unwinding = Unwinding.plan(payment, List.of(), usd("15.00"), customer.creditBalance(), invoices);

        assertEquals(usd("15.00"), unwinding.creditTaken());
        assertEquals(List.of(), unwinding.reopened());
    }

    @Test
    void then_reopens_the_newest_invoice_before_the_older_one() {
        Unwinding unwinding = Unwinding.plan(payment, List.of(), usd("60.00"), customer.creditBalance(), invoices);

        assertEquals(usd("20.00"), unwinding.creditTaken());
        assertEquals(List.of(new Allocation(newer.id(), "INV-2", usd("30.00")),
                new Allocation(older.id(), "INV-1", usd("10.00"))), unwinding.reopened());
        assertEquals(usd("60.00"), unwinding.total());
    }

    @Test
    void a_later_refund_starts_where_the_earlier_ones_stopped() {
        Unwinding first = Unwinding.plan(payment, List.of(), usd("40.00"), customer.creditBalance(), invoices);
        Unwinding second = Unwinding.plan(payment, List.of(first), usd("60.00"), usd("0.00"), invoices);

        assertEquals(usd("0.00"), second.creditTaken());
        assertEquals(List.of(new Allocation(newer.id(), "INV-2", usd("10.00")),
                new Allocation(older.id(), "INV-1", usd("50.00"))), second.reopened());
    }

    @Test
    void applying_takes_the_credit_and_reopens_the_invoices_and_no_money_is_lost() {
        Money balancesBefore = older.openBalance().plus(newer.openBalance());
        Unwinding unwinding = Unwinding.plan(payment, List.of(), usd("60.00"), customer.creditBalance(), invoices);

        unwinding.applyTo(customer, invoices);

        assertEquals(usd("0.00"), customer.creditBalance());
        assertEquals(usd("80.00"), newer.openBalance());
        assertEquals(usd("10.00"), older.openBalance());
        // The credit that left plus the balances that reopened are exactly what is given back.
        Money reopened = older.openBalance().plus(newer.openBalance()).minus(balancesBefore);
        assertEquals(usd("60.00"), usd("20.00").plus(reopened));
    }

    @Test
    void undoing_puts_everything_back_and_what_an_invoice_cannot_take_becomes_credit() {
        Unwinding unwinding = Unwinding.plan(payment, List.of(), usd("60.00"), customer.creditBalance(), invoices);
        unwinding.applyTo(customer, invoices);
        // Meanwhile another payment paid 75 of the newer invoice's reopened 80.
        newer.apply(usd("75.00"));

        Money toCredit = unwinding.undoOn(customer, invoices);

        assertEquals(usd("25.00"), toCredit);
        assertEquals(usd("0.00"), newer.openBalance());
        assertEquals(usd("0.00"), older.openBalance());
        assertEquals(usd("45.00"), customer.creditBalance());
    }

    @Test
    void refuses_when_the_credit_was_spent_and_the_invoices_cannot_make_up_the_amount() {
        assertRefused("credit_already_used", "amount",
                () -> Unwinding.plan(payment, List.of(), usd("100.00"), usd("5.00"), invoices));
        assertEquals(usd("20.00"), customer.creditBalance());
    }

    @Test
    void its_parts_are_never_negative() {
        assertThrows(IllegalArgumentException.class, () -> new Unwinding(usd("-1.00"), List.of()));
    }
}
