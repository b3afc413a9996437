package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.STRIPE;
import static org.paydesk.application.payment.PaymentDesk.oldestFirst;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Payments.insufficientFunds;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;

/** Outcomes the processor reports after the fact, and the ledger step that records them. */
class ProcessorOutcomeServiceTest {

    private static final PaymentFailure ACH_RETURNED = new PaymentFailure("ach_failed", "R01",
            "The account has insufficient funds.");

    private final PaymentDesk desk = new PaymentDesk();
    private final Customer acme = desk.customerWithCredit("5.00");
    private final Receivable older = desk.invoice(acme, "100.00", LocalDate.of(2024, 1, 15));
    private final Receivable newer = desk.invoice(acme, "50.00", LocalDate.of(2024, 2, 15));

    /** An ACH debit of 200.00 over 150.00 of invoices, which the processor accepted for later settlement. */
    private Payment achProcessing(String reference) {
        desk.processor.answers(new PaymentOutcome.Processing(reference));
        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("200.00"), bankAccount()));
        assertEquals(PaymentStatus.PROCESSING, payment.status());
        return payment;
    }

    @Test
    void a_later_success_of_an_ach_debit_settles_it_and_adds_its_unapplied_rest_as_credit() {
        Payment payment = achProcessing("py_1");
        desk.time.advance(Duration.ofDays(3));

        Optional<Payment> settled = desk.outcomes.record("py_1", new PaymentOutcome.Succeeded("py_1"), STRIPE);

        assertAll(
                () -> assertEquals(payment.id(), settled.orElseThrow().id()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, settled.orElseThrow().status()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status()),
                () -> assertEquals(usd("55.00"), desk.creditOf(acme), "5.00 held + 50.00 unapplied"),
                () -> assertEquals(usd("0"), desk.balanceOf(older)),
                () -> assertEquals(usd("0"), desk.balanceOf(newer)),
                () -> assertEquals(desk.time.now(), desk.stored(payment).updatedAt()));
    }

    @Test
    void a_later_success_is_audited_as_the_system_actor_that_reported_it() {
        Payment payment = achProcessing("py_1");

        desk.outcomes.record("py_1", new PaymentOutcome.Succeeded("py_1"), STRIPE);

        AuditEntry last = lastAuditOf(payment);
        assertAll(
                () -> assertEquals("payment.succeeded", last.action()),
                () -> assertEquals(STRIPE, last.actor()),
                () -> assertEquals(new Actor("system:stripe-webhook", "internal"), last.actor()),
                () -> assertEquals("ok", last.outcome()));
    }

    @Test
    void a_later_decline_of_an_ach_debit_reopens_its_invoices_and_adds_no_credit() {
        Payment payment = achProcessing("py_1");

        Optional<Payment> settled = desk.outcomes.record("py_1", new PaymentOutcome.Declined("py_1", ACH_RETURNED),
                STRIPE);

        assertAll(
                () -> assertEquals(PaymentStatus.FAILED, settled.orElseThrow().status()),
                () -> assertEquals(ACH_RETURNED, desk.stored(payment).failure()),
                () -> assertEquals(usd("100.00"), desk.balanceOf(older)),
                () -> assertEquals(usd("50.00"), desk.balanceOf(newer)),
                () -> assertEquals(usd("5.00"), desk.creditOf(acme)),
                () -> assertEquals("declined", lastAuditOf(payment).outcome()));
    }

    @Test
    void a_repeated_success_after_success_is_ignored_and_credits_nothing_twice() {
        Payment payment = achProcessing("py_1");
        desk.outcomes.record("py_1", new PaymentOutcome.Succeeded("py_1"), STRIPE);
        long versionAfterFirst = desk.stored(payment).version();

        Optional<Payment> again = desk.outcomes.record("py_1", new PaymentOutcome.Succeeded("py_1"), STRIPE);

        assertAll(
                () -> assertEquals(PaymentStatus.SUCCEEDED, again.orElseThrow().status()),
                () -> assertEquals(usd("55.00"), desk.creditOf(acme)),
                () -> assertEquals(versionAfterFirst, desk.stored(payment).version(), "the payment is not rewritten"),
                () -> assertEquals("payment.outcome_ignored", lastAuditOf(payment).action()),
                () -> assertEquals("ignored", lastAuditOf(payment).outcome()));
    }

    @Test
    void a_late_decline_after_success_is_ignored_and_the_invoices_stay_paid() {
        Payment payment = achProcessing("py_1");
        desk.outcomes.record("py_1", new PaymentOutcome.Succeeded("py_1"), STRIPE);

        Optional<Payment> late = desk.outcomes.record("py_1", new PaymentOutcome.Declined("py_1", ACH_RETURNED),
                STRIPE);

        assertAll(
                () -> assertEquals(PaymentStatus.SUCCEEDED, late.orElseThrow().status()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status()),
                () -> assertNull(desk.stored(payment).failure()),
                () -> assertEquals(usd("0"), desk.balanceOf(older)),
                () -> assertEquals(usd("0"), desk.balanceOf(newer)),
                () -> assertEquals(usd("55.00"), desk.creditOf(acme)),
                () -> assertEquals("payment.outcome_ignored", lastAuditOf(payment).action()));
    }

    @Test
    void a_late_success_after_a_decline_is_ignored_and_the_invoices_stay_open() {
        Payment payment = achProcessing("py_1");
        desk.outcomes.record("py_1", new PaymentOutcome.Declined("py_1", ACH_RETURNED), STRIPE);

        Optional<Payment> late = desk.outcomes.record("py_1", new PaymentOutcome.Succeeded("py_1"), STRIPE);

        assertAll(
                () -> assertEquals(PaymentStatus.FAILED, late.orElseThrow().status()),
                () -> assertEquals(PaymentStatus.FAILED, desk.stored(payment).status()),
                () -> assertEquals(usd("100.00"), desk.balanceOf(older)),
                () -> assertEquals(usd("5.00"), desk.creditOf(acme)));
    }

    @Test
    void a_repeated_processing_report_leaves_the_payment_processing_with_nothing_settled() {
        Payment payment = achProcessing("py_1");

        Optional<Payment> again = desk.outcomes.record("py_1", new PaymentOutcome.Processing("py_1"), STRIPE);

        assertAll(
                () -> assertEquals(PaymentStatus.PROCESSING, again.orElseThrow().status()),
                () -> assertEquals(PaymentStatus.PROCESSING, desk.stored(payment).status()),
                () -> assertEquals(usd("0"), desk.balanceOf(older)),
                () -> assertEquals(usd("5.00"), desk.creditOf(acme)));
    }

    @Test
    void an_unknown_processor_reference_returns_empty_and_changes_nothing() {
        Payment payment = achProcessing("py_1");
        int audited = desk.audit.entries().size();

        Optional<Payment> none = desk.outcomes.record("py_nobody", new PaymentOutcome.Succeeded("py_nobody"), STRIPE);

        assertAll(
                () -> assertTrue(none.isEmpty()),
                () -> assertEquals(PaymentStatus.PROCESSING, desk.stored(payment).status()),
                () -> assertEquals(usd("5.00"), desk.creditOf(acme)),
                () -> assertEquals(audited, desk.audit.entries().size()));
    }

    @Test
    void the_reconciler_settling_an_unknown_payment_as_succeeded_adds_its_credit() {
        desk.processor.loses(new IllegalStateException("connection reset"));
        Payment payment = desk.receiveLosingTheAnswer(oldestFirst(acme, usd("170.00"), card()));
        assertEquals(PaymentStatus.UNKNOWN, payment.status());

        Payment settled = desk.ledger.settle(payment.id(), null, new PaymentOutcome.Succeeded("pi_found"),
                Actor.system("reconciler"));

        assertAll(
                () -> assertEquals(PaymentStatus.SUCCEEDED, settled.status()),
                () -> assertEquals("pi_found", desk.stored(payment).processorReference()),
                () -> assertEquals(usd("25.00"), desk.creditOf(acme)),
                () -> assertEquals(usd("0"), desk.balanceOf(newer)),
                () -> assertEquals(1, desk.payments.attemptsFor(payment.id()).size(),
                        "settling without an attempt records no attempt"));
    }

    @Test
    void the_reconciler_settling_an_unknown_payment_as_declined_reopens_its_invoices() {
        desk.processor.loses(new IllegalStateException("connection reset"));
        Payment payment = desk.receiveLosingTheAnswer(oldestFirst(acme, usd("170.00"), card()));

        Payment settled = desk.ledger.settle(payment.id(), null,
                new PaymentOutcome.Declined("pi_found", insufficientFunds()), Actor.system("reconciler"));

        assertAll(
                () -> assertEquals(PaymentStatus.FAILED, settled.status()),
                () -> assertEquals(usd("100.00"), desk.balanceOf(older)),
                () -> assertEquals(usd("50.00"), desk.balanceOf(newer)),
                () -> assertEquals(usd("5.00"), desk.creditOf(acme)));
    }

    @Test
    void another_lost_answer_for_an_unknown_payment_changes_nothing() {
        desk.processor.loses(new IllegalStateException("connection reset"));
        Payment payment = desk.receiveLosingTheAnswer(oldestFirst(acme, usd("170.00"), card()));
        long version = desk.stored(payment).version();

        Payment still = desk.ledger.settle(payment.id(), null, new PaymentOutcome.Unknown("timeout"),
                Actor.system("reconciler"));

        assertAll(
                () -> assertEquals(PaymentStatus.UNKNOWN, still.status()),
                () -> assertEquals(version, desk.stored(payment).version()),
                () -> assertEquals("payment.outcome_ignored", lastAuditOf(payment).action()));
    }

    @Test
    void settling_a_payment_that_does_not_exist_is_not_found() {
        assertThrows(NotFoundException.class, () -> desk.ledger.settle(new PaymentId(404), null,
                new PaymentOutcome.Succeeded("pi_x"), STRIPE));
        assertTrue(desk.audit.entries().isEmpty());
    }

    private AuditEntry lastAuditOf(Payment payment) {
        List<AuditEntry> entries = desk.audit.about(payment.id().toString());
        return entries.get(entries.size() - 1);
    }
}
