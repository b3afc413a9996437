package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.oldestFirst;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.application.fake.CapturedLog;
import org.paydesk.application.payment.PaymentDesk;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.in.UnresolvedItem;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;

/** The reconciler asks the processor about unfinished payments on a backoff schedule and settles them by its truth. */
class ReconciliationServiceTest {

    private final PaymentDesk desk = new PaymentDesk();
    private final Customer acme = desk.customer();
    private final Receivable invoice = desk.invoice(acme, "80.00", LocalDate.of(2024, 2, 1));

    /** The processor charges, then the answer is lost on the way back. */
    private Payment chargedButAnswerLost() {
        desk.processor.answersWith(request -> {
            desk.processor.nowSays(request.paymentId(), new ProcessorCharge("pi_lost", request.idempotencyKey(),
                    request.amount(), "succeeded"));
            throw new IllegalStateException("read timed out");
        });
        Payment payment = desk.receiveLosingTheAnswer(oldestFirst(acme, usd("100.00"), card()));
        assertEquals(PaymentStatus.UNKNOWN, payment.status());
        return payment;
    }

    private int reconcileAfter(Duration wait) {
        desk.time.advance(wait);
        try (CapturedLog quiet = CapturedLog.of(ReconciliationService.class)) {
            return desk.reconciler.reconcileDue();
        }
    }

    @Test
    void a_payment_whose_answer_was_lost_is_settled_as_the_processor_says_with_its_one_charge() {
        Payment payment = chargedButAnswerLost();

        assertEquals(0, reconcileAfter(FollowUpSchedule.FIRST_CHECK.minusSeconds(1)));
        assertEquals(PaymentStatus.UNKNOWN, desk.stored(payment).status());
        int settled = reconcileAfter(Duration.ofSeconds(1));

        Payment stored = desk.stored(payment);
        assertAll(
                () -> assertEquals(1, settled),
                () -> assertEquals(PaymentStatus.SUCCEEDED, stored.status()),
                () -> assertEquals("pi_lost", stored.processorReference()),
                () -> assertEquals(1, desk.processor.chargesFor(payment.id()).size()),
                () -> assertEquals(1, desk.processor.requests().size()),
                () -> assertEquals(usd("0.00"), desk.balanceOf(invoice)),
                () -> assertEquals(usd("20.00"), desk.creditOf(acme)),
                () -> assertTrue(desk.followUps.all().isEmpty()),
                () -> assertTrue(desk.audit.about(payment.id().toString()).stream()
                        .anyMatch(entry -> entry.actor().equals(ReconciliationService.RECONCILER))));
    }

    @Test
    void a_payment_the_processor_never_charged_fails_once_that_is_certain_and_releases_its_invoice() {
        desk.processor.loses(new IllegalStateException("connection refused"));
        Payment payment = desk.receiveLosingTheAnswer(oldestFirst(acme, usd("100.00"), card()));

        reconcileAfter(FollowUpSchedule.FIRST_CHECK);
        assertEquals(PaymentStatus.UNKNOWN, desk.stored(payment).status());
        assertEquals(usd("0.00"), desk.balanceOf(invoice));
        reconcileAfter(FollowUpSchedule.NO_CHARGE_AFTER);

        Payment stored = desk.stored(payment);
        assertAll(
                () -> assertEquals(PaymentStatus.FAILED, stored.status()),
                () -> assertEquals("processor_no_charge", stored.failure().code()),
                () -> assertEquals(usd("80.00"), desk.balanceOf(invoice)),
                () -> assertEquals(usd("0.00"), desk.creditOf(acme)),
                () -> assertTrue(desk.followUps.all().isEmpty()));
    }

    @Test
    void a_debit_still_processing_is_asked_again_ever_later_and_listed_for_staff_after_five_checks() {
        desk.processor.answers(new PaymentOutcome.Processing("pi_ach"));
        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("100.00"), bankAccount()));

        Instant previous = desk.time.now();
        Duration lastWait = Duration.ZERO;
        for (int check = 1; check <= FollowUpSchedule.STAFF_AFTER_ATTEMPTS; check++) {
            FollowUp followUp = desk.followUps.find(FollowUp.Subject.PAYMENT, payment.id().value()).orElseThrow();
            Duration wait = Duration.between(desk.time.now(), followUp.dueAt());
            assertTrue(wait.compareTo(lastWait) >= 0, "waits never shrink");
            lastWait = wait;
            reconcileAfter(wait);
            previous = desk.time.now();
        }

        List<UnresolvedItem> unresolved = desk.reconciler.unresolved(new PageRequest(0, 20)).items();
        FollowUp followUp = desk.followUps.find(FollowUp.Subject.PAYMENT, payment.id().value()).orElseThrow();
        assertAll(
                () -> assertEquals(PaymentStatus.PROCESSING, desk.stored(payment).status()),
                () -> assertEquals(1, unresolved.size()),
                () -> assertEquals(payment.id().value(), unresolved.get(0).paymentId()),
                () -> assertEquals("PROCESSING", unresolved.get(0).status()),
                () -> assertEquals(FollowUpSchedule.STAFF_AFTER_ATTEMPTS, unresolved.get(0).attempts()),
                () -> assertTrue(unresolved.get(0).lastResult().contains("pi_ach")),
                () -> assertTrue(Duration.between(desk.time.now(), followUp.dueAt())
                        .compareTo(FollowUpSchedule.LONGEST_WAIT) <= 0));
        assertTrue(previous.isAfter(PaymentDesk.START));
    }

    @Test
    void when_the_processor_cannot_be_reached_nothing_changes_and_the_check_is_made_later() {
        Payment payment = chargedButAnswerLost();
        desk.processor.unreachable(new IllegalStateException("connect timed out"));

        reconcileAfter(FollowUpSchedule.FIRST_CHECK);

        FollowUp followUp = desk.followUps.find(FollowUp.Subject.PAYMENT, payment.id().value()).orElseThrow();
        assertAll(
                () -> assertEquals(PaymentStatus.UNKNOWN, desk.stored(payment).status()),
                () -> assertEquals(1, followUp.attempts()),
                () -> assertTrue(followUp.lastResult().startsWith("check failed")),
                () -> assertTrue(followUp.dueAt().isAfter(desk.time.now())));
        desk.processor.unreachable(null);
        reconcileAfter(Duration.between(desk.time.now(), followUp.dueAt()));
        assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status());
    }

    @Test
    void a_payment_recorded_by_a_node_that_died_before_the_answer_is_found_after_the_grace_period() {
        // The node recorded the payment and sent the charge, then died: no answer was ever recorded.
        var opened = desk.ledger.open(oldestFirst(acme, usd("100.00"), card()));
        desk.processor.nowSays(opened.payment().id(), new ProcessorCharge("pi_orphan",
                opened.attempt().processorIdempotencyKey(), usd("100.00"), "succeeded"));

        assertEquals(0, reconcileAfter(FollowUpSchedule.FIRST_CHECK.minusSeconds(1)));
        assertEquals(1, reconcileAfter(Duration.ofSeconds(1)));

        assertEquals(PaymentStatus.SUCCEEDED, desk.stored(opened.payment()).status());
        assertEquals(usd("20.00"), desk.creditOf(acme));
    }

    @Test
    void a_payment_settled_meanwhile_is_simply_dropped_from_the_queue() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_ok"));
        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("10.00"), card()));

        assertTrue(desk.followUps.all().isEmpty());
        assertEquals(0, reconcileAfter(FollowUpSchedule.LONGEST_WAIT));
        assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status());
    }
}
