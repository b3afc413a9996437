package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.CASHIER;
import static org.paydesk.application.payment.PaymentDesk.explicit;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.allocate;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.PaymentDesk;
import org.paydesk.application.payment.FollowUpSchedule;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.payment.port.in.RefundPaymentCommand;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundStatus;
import org.paydesk.domain.shared.Money;

/** Refunds through the real services on stateful fakes: where the money comes from, and the processor's answers. */
class RefundServiceTest {

    private final PaymentDesk desk = new PaymentDesk();
    private final Customer acme = desk.customer();
    // Issued in December and January: the January invoice is the newer one.
    private final Receivable december = desk.invoice(acme, "60.00", LocalDate.of(2024, 1, 10));
    private final Receivable january = desk.invoice(acme, "40.00", LocalDate.of(2024, 2, 10));
    private final List<Receivable> invoices = List.of(december, january);

    /** 120.00 by card: 60.00 on December, 40.00 on January, 20.00 as credit. */
    private Payment paid(PaymentMethod method) {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_paid"));
        Payment payment = desk.receiving.receive(explicit(acme, usd("120.00"), method,
                List.of(allocate(december.id().value(), "60.00"), allocate(january.id().value(), "40.00"))));
        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
        return payment;
    }

    private static RefundPaymentCommand refund(Payment payment, String amount) {
        return new RefundPaymentCommand(payment.id(), amount == null ? null : usd(amount), "damaged goods", null,
                CASHIER);
    }

    /** Money kept (on invoices or in credit) is always what was paid less what was given back. */
    private void assertNoMoneyLostOrMade(Payment payment) {
        Payment stored = desk.stored(payment);
        assertEquals(stored.amount().minus(stored.refunded()), desk.heldFor(acme, usd("0.00"), invoices));
    }

    @Test
    void a_full_refund_takes_back_the_credit_and_reopens_every_invoice() {
        Payment payment = paid(card());
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));

        Refund refund = desk.refunding.refund(refund(payment, null));

        assertAll(
                () -> assertEquals(RefundStatus.SUCCEEDED, refund.status()),
                () -> assertEquals(usd("120.00"), refund.amount()),
                () -> assertEquals("re_1", refund.processorRefundId()),
                () -> assertEquals(PaymentStatus.REFUNDED, desk.stored(payment).status()),
                () -> assertEquals(usd("0.00"), desk.creditOf(acme)),
                () -> assertEquals(usd("60.00"), desk.balanceOf(december)),
                () -> assertEquals(usd("40.00"), desk.balanceOf(january)),
                () -> assertEquals("pi_paid", desk.refundProcessor.requests().get(0).processorPaymentReference()),
                () -> assertEquals("paydesk-refund-" + refund.id(),
                        desk.refundProcessor.requests().get(0).idempotencyKey()),
                () -> assertTrue(desk.followUps.all().isEmpty()),
                () -> assertTrue(desk.audit.actions().contains("refund.succeeded")));
        assertNoMoneyLostOrMade(payment);
    }

    @Test
    void a_partial_refund_takes_the_credit_first_then_the_newest_invoice() {
        Payment payment = paid(card());
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));

        Refund refund = desk.refunding.refund(refund(payment, "50.00"));

        assertAll(
                () -> assertEquals(usd("20.00"), refund.unwinding().creditTaken()),
                () -> assertEquals(usd("0.00"), desk.creditOf(acme)),
                () -> assertEquals(usd("30.00"), desk.balanceOf(january)),
                () -> assertEquals(usd("0.00"), desk.balanceOf(december)),
                () -> assertEquals(PaymentStatus.PARTIALLY_REFUNDED, desk.stored(payment).status()),
                () -> assertEquals(usd("70.00"), desk.stored(payment).refundable()));
        assertNoMoneyLostOrMade(payment);
    }

    @Test
    void never_more_than_is_left_and_a_refusal_changes_nothing() {
        Payment payment = paid(card());
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));
        desk.refunding.refund(refund(payment, "100.00"));

        assertRefused("refund_exceeds_refundable", "amount", () -> desk.refunding.refund(refund(payment, "20.01")));

        assertAll(
                () -> assertEquals(1, desk.refunds.all().size()),
                () -> assertEquals(1, desk.refundProcessor.requests().size()),
                () -> assertEquals(usd("100.00"), desk.stored(payment).refunded()),
                () -> assertEquals(usd("40.00"), desk.balanceOf(december)));
        assertNoMoneyLostOrMade(payment);
    }

    @Test
    void a_card_payment_older_than_90_days_is_not_refunded() {
        Payment payment = paid(card());
        desk.time.advance(Duration.ofDays(91));

        assertRefused("refund_window_closed", "paymentId", () -> desk.refunding.refund(refund(payment, "1.00")));
        assertEquals(usd("0.00"), desk.stored(payment).refunded());
    }

    @Test
    void a_payment_that_did_not_go_through_is_not_refunded_and_an_unknown_one_is_not_found() {
        desk.processor.answers(new PaymentOutcome.Processing("pi_ach"));
        Payment processing = desk.receiving.receive(explicit(acme, usd("10.00"), bankAccount(),
                List.of(allocate(december.id().value(), "10.00"))));

        assertRefused("payment_not_refundable", "paymentId",
                () -> desk.refunding.refund(refund(processing, "10.00")));
        assertThrows(NotFoundException.class,
                () -> desk.refunding.refund(new RefundPaymentCommand(new PaymentId(999), null, null, null, CASHIER)));
        assertTrue(desk.refunds.all().isEmpty());
    }

    @Test
    void a_refund_the_processor_refuses_puts_everything_back() {
        Payment payment = paid(card());
        desk.refundProcessor.answers(new RefundOutcome.Failed(null, "charge_disputed", "The charge is disputed."));

        Refund refund = desk.refunding.refund(refund(payment, "50.00"));

        assertAll(
                () -> assertEquals(RefundStatus.FAILED, refund.status()),
                () -> assertEquals("charge_disputed", refund.failureCode()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status()),
                () -> assertEquals(usd("0.00"), desk.stored(payment).refunded()),
                () -> assertEquals(usd("20.00"), desk.creditOf(acme)),
                () -> assertEquals(usd("0.00"), desk.balanceOf(january)),
                () -> assertTrue(desk.followUps.all().isEmpty()));
        assertNoMoneyLostOrMade(payment);
    }

    @Test
    void a_pending_refund_is_followed_until_the_processor_finishes_it() {
        Payment payment = paid(bankAccount());
        desk.refundProcessor.answers(new RefundOutcome.Pending("re_ach"));

        Refund refund = desk.refunding.refund(refund(payment, "120.00"));
        assertEquals(RefundStatus.PENDING, refund.status());
        assertTrue(desk.followUps.find(FollowUp.Subject.REFUND, refund.id().value()).isPresent());

        desk.refundProcessor.settle(new RefundOutcome.Succeeded("re_ach"));
        desk.time.advance(FollowUpSchedule.FIRST_CHECK.minusSeconds(1));
        assertEquals(0, desk.reconciler.reconcileDue());
        desk.time.advance(Duration.ofSeconds(1));
        int settled = desk.reconciler.reconcileDue();

        assertAll(
                () -> assertEquals(1, settled),
                () -> assertEquals(RefundStatus.SUCCEEDED, desk.refunds.find(refund.id()).orElseThrow().status()),
                () -> assertTrue(desk.followUps.all().isEmpty()),
                () -> assertEquals(1, desk.refundProcessor.refunded().size()));
        assertNoMoneyLostOrMade(payment);
    }

    @Test
    void a_refund_whose_answer_was_lost_is_asked_again_with_its_key_and_refunds_once() {
        Payment payment = paid(card());
        desk.refundProcessor.makesAndLoses(new RefundOutcome.Succeeded("re_lost"));

        Refund refund = desk.refunding.refund(refund(payment, "30.00"));
        assertEquals(RefundStatus.REQUESTED, refund.status());
        desk.time.advance(FollowUpSchedule.FIRST_CHECK);
        desk.reconciler.reconcileDue();

        Refund settled = desk.refunds.find(refund.id()).orElseThrow();
        assertAll(
                () -> assertEquals(RefundStatus.SUCCEEDED, settled.status()),
                () -> assertEquals("re_lost", settled.processorRefundId()),
                () -> assertEquals(2, desk.refundProcessor.requests().size()),
                () -> assertEquals(1, desk.refundProcessor.refunded().size()),
                () -> assertEquals(desk.refundProcessor.requests().get(0), desk.refundProcessor.requests().get(1)));
        assertNoMoneyLostOrMade(payment);
    }

    @Test
    void the_same_request_key_makes_one_refund() {
        Payment payment = paid(card());
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1"));
        RefundPaymentCommand keyed = new RefundPaymentCommand(payment.id(), usd("10.00"), null, "key-1", CASHIER);

        Refund first = desk.refunding.refund(keyed);
        Refund again = desk.refunding.refund(keyed);

        assertEquals(first.id(), again.id());
        assertEquals(1, desk.refundProcessor.requests().size());
        assertRefused("idempotency_key_reused", "Idempotency-Key", () -> desk.refunding.refund(
                new RefundPaymentCommand(payment.id(), usd("11.00"), null, "key-1", CASHIER)));
        assertEquals(usd("10.00"), desk.stored(payment).refunded());
    }

    @Test
    void lists_a_payments_refunds_oldest_first() {
        Payment payment = paid(card());
        desk.refundProcessor.answers(new RefundOutcome.Succeeded("re_1")).answers(new RefundOutcome.Succeeded("re_2"));
        desk.refunding.refund(refund(payment, "10.00"));
        desk.refunding.refund(refund(payment, "5.00"));

        List<Money> amounts = desk.refunding.refundsOf(payment.id()).stream().map(Refund::amount).toList();

        assertEquals(List.of(usd("10.00"), usd("5.00")), amounts);
        assertThrows(NotFoundException.class, () -> desk.refunding.refundsOf(new PaymentId(404)));
    }
}
