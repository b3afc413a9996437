package org.paydesk.domain.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Customers.aCustomer;
import static org.paydesk.domain.testdata.Payments.aPayment;
import static org.paydesk.domain.testdata.Receivables.aReceivable;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.receivable.ReceivableStatus;

/** The builders' defaults are part of what other modules' tests rely on. */
class BuildersTest {

    @Test
    void a_default_receivable_is_an_open_usd_invoice_of_customer_1() {
        Receivable invoice = aReceivable().build();

        assertEquals(new ReceivableId(1), invoice.id());
        assertEquals(new CustomerId(1), invoice.customerId());
        assertEquals("INV-1", invoice.number());
        assertEquals(usd("100.00"), invoice.originalAmount());
        assertEquals(ReceivableStatus.OPEN, invoice.status());
        assertEquals(invoice.issueDate().plusDays(30), invoice.dueDate());
    }

    @Test
    void a_receivable_takes_what_the_test_states() {
        LocalDate due = LocalDate.of(2024, 5, 31);
        Receivable invoice = aReceivable().withId(7).forCustomer(3).withBalance("40.00").dueOn(due).build();
        Receivable partlyPaid = aReceivable().withAmount("100.00").withBalance("40.00").build();

        assertEquals(new ReceivableId(7), invoice.id());
        assertEquals(new CustomerId(3), invoice.customerId());
        assertEquals(usd("40.00"), invoice.openBalance());
        assertEquals(usd("40.00"), invoice.originalAmount());
        assertEquals(due, invoice.dueDate());
        assertEquals(ReceivableStatus.PARTIALLY_PAID, partlyPaid.status());
        assertEquals(ReceivableStatus.PAID, aReceivable().paid().build().status());
    }

    @Test
    void receivables_by_id_refuses_two_with_one_id() {
        assertEquals(List.of(new ReceivableId(1), new ReceivableId(2)),
                List.copyOf(Receivables.byId(aReceivable().withId(1).build(), aReceivable().withId(2).build())
                        .keySet()));
        assertThrows(IllegalArgumentException.class,
                () -> Receivables.byId(aReceivable().withId(1).build(), aReceivable().withId(1).build()));
    }

    @Test
    void a_default_customer_is_a_usd_customer_without_credit() {
        Customer customer = aCustomer().build();

        assertEquals(new CustomerId(1), customer.id());
        assertEquals("C-1", customer.number());
        assertEquals(usd("0"), customer.creditBalance());
        assertEquals("USD", customer.currency().getCurrencyCode());
        assertEquals(usd("12.00"), aCustomer().withCredit("12.00").build().creditBalance());
    }

    @Test
    void a_default_payment_is_a_pending_usd_card_payment_left_unapplied() {
        Payment payment = aPayment().build();

        assertEquals(PaymentStatus.PENDING, payment.status());
        assertEquals(usd("100.00"), payment.amount());
        assertEquals(usd("100.00"), payment.unapplied());
        assertEquals(PaymentMethodType.CARD, payment.method().type());
        assertEquals(PaymentChannel.ACCOUNTS_RECEIVABLE, payment.channel());
    }

    @Test
    void a_payment_leaves_unapplied_whatever_it_does_not_allocate() {
        Payment payment = aPayment().ofAmount("150.00").allocating(7, "100.00").allocating(8, "20.00").byAch()
                .build();

        assertEquals(List.of(new Allocation(new ReceivableId(7), "INV-7", usd("100.00")),
                new Allocation(new ReceivableId(8), "INV-8", usd("20.00"))), payment.allocations());
        assertEquals(usd("30.00"), payment.unapplied());
        assertEquals(PaymentMethodType.ACH, payment.method().type());
    }

    @Test
    void each_build_makes_a_new_object() {
        Receivables.Builder builder = aReceivable();

        assertNotSame(builder.build(), builder.build());
    }
}
