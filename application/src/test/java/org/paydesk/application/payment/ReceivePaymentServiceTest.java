package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.CASHIER;
import static org.paydesk.application.payment.PaymentDesk.START;
import static org.paydesk.application.payment.PaymentDesk.doNotHonor;
import static org.paydesk.application.payment.PaymentDesk.explicit;
import static org.paydesk.application.payment.PaymentDesk.oldestFirst;
import static org.paydesk.application.payment.PaymentDesk.withRequestKey;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.allocate;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Payments.insufficientFunds;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.paydesk.application.fake.CapturedLog;
import org.paydesk.application.fake.InMemoryPaymentRepository;
import org.paydesk.application.fake.InMemoryPaymentRepository.RecordedAttempt;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.shared.Money;

class ReceivePaymentServiceTest {

    private final PaymentDesk desk = new PaymentDesk();
    private final Customer acme = desk.customerWithCredit("12.00");
    private final Receivable january = desk.invoice(acme, "100.00", LocalDate.of(2024, 1, 31));
    private final Receivable midJanuary = desk.invoice(acme, "50.00", LocalDate.of(2024, 1, 15));
    private final Receivable february = desk.invoice(acme, "80.00", LocalDate.of(2024, 2, 28));

    @Test
    void a_success_pays_the_oldest_due_invoices_first_and_turns_the_rest_into_credit_only_once_it_succeeded() {
        AtomicReference<Money> creditDuringCall = new AtomicReference<>();
        AtomicReference<List<Money>> balancesDuringCall = new AtomicReference<>();
        desk.processor.answersWith(request -> {
            creditDuringCall.set(desk.creditOf(acme));
            balancesDuringCall.set(List.of(desk.balanceOf(midJanuary), desk.balanceOf(january),
                    desk.balanceOf(february)));
            return new PaymentOutcome.Succeeded("pi_1");
        });

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("300.00"), card()));

        assertAll(
                () -> assertEquals(List.of(usd("0"), usd("0"), usd("0")), balancesDuringCall.get(),
                        "balances are reserved before the processor is called"),
                () -> assertEquals(usd("12.00"), creditDuringCall.get(), "no credit before the charge succeeded"),
                () -> assertEquals(PaymentStatus.SUCCEEDED, payment.status()),
                () -> assertEquals("pi_1", payment.processorReference()),
                () -> assertEquals(List.of(
                        new Allocation(midJanuary.id(), midJanuary.number(), usd("50.00")),
                        new Allocation(january.id(), january.number(), usd("100.00")),
                        new Allocation(february.id(), february.number(), usd("80.00"))), payment.allocations()),
                () -> assertEquals(usd("70.00"), payment.unapplied()),
                () -> assertEquals(usd("82.00"), desk.creditOf(acme), "12.00 held + 70.00 unapplied"),
                () -> assertEquals(PaymentStatus.SUCCEEDED, desk.stored(payment).status()),
                () -> assertEquals(usd("0"), desk.balanceOf(january)));
    }

    @Test
    void a_payment_smaller_than_the_open_invoices_leaves_the_next_one_partly_open_and_adds_no_credit() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("120.00"), card()));

        assertAll(
                () -> assertEquals(usd("0"), desk.balanceOf(midJanuary)),
                () -> assertEquals(usd("30.00"), desk.balanceOf(january)),
                () -> assertEquals(usd("80.00"), desk.balanceOf(february)),
                () -> assertEquals(usd("0"), payment.unapplied()),
                () -> assertEquals(usd("12.00"), desk.creditOf(acme)));
    }

    @Test
    void explicit_allocations_pay_exactly_the_invoices_named_and_the_rest_becomes_credit() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        Payment payment = desk.receiving.receive(explicit(acme, usd("100.00"), card(),
                List.of(allocate(february.id().value(), "80.00"), allocate(january.id().value(), "5.00"))));

        assertAll(
                () -> assertEquals(usd("0"), desk.balanceOf(february)),
                () -> assertEquals(usd("95.00"), desk.balanceOf(january)),
                () -> assertEquals(usd("50.00"), desk.balanceOf(midJanuary), "not named, not touched"),
                () -> assertEquals(usd("15.00"), payment.unapplied()),
                () -> assertEquals(usd("27.00"), desk.creditOf(acme)));
    }

    @Test
    void an_empty_allocation_list_keeps_the_whole_amount_as_credit() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        Payment payment = desk.receiving.receive(explicit(acme, usd("40.00"), card(), List.of()));

        assertAll(
                () -> assertTrue(payment.allocations().isEmpty()),
                () -> assertEquals(usd("52.00"), desk.creditOf(acme)),
                () -> assertEquals(usd("100.00"), desk.balanceOf(january)),
                () -> assertEquals(usd("50.00"), desk.balanceOf(midJanuary)));
    }

    @Test
    void a_decline_reopens_every_reserved_invoice_leaves_credit_untouched_and_records_the_failure() {
        AtomicReference<List<Money>> balancesDuringCall = new AtomicReference<>();
        desk.processor.answersWith(request -> {
            balancesDuringCall.set(List.of(desk.balanceOf(midJanuary), desk.balanceOf(january),
                    desk.balanceOf(february)));
            return new PaymentOutcome.Declined("pi_9", insufficientFunds());
        });

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("300.00"), card()));

        Payment stored = desk.stored(payment);
        assertAll(
                () -> assertEquals(List.of(usd("0"), usd("0"), usd("0")), balancesDuringCall.get()),
                () -> assertEquals(PaymentStatus.FAILED, payment.status()),
                () -> assertEquals(PaymentStatus.FAILED, stored.status()),
                () -> assertEquals(insufficientFunds(), stored.failure()),
                () -> assertEquals("pi_9", stored.processorReference()),
                () -> assertEquals(usd("50.00"), desk.balanceOf(midJanuary)),
                () -> assertEquals(usd("100.00"), desk.balanceOf(january)),
                () -> assertEquals(usd("80.00"), desk.balanceOf(february)),
                () -> assertEquals(usd("12.00"), desk.creditOf(acme)),
                () -> assertEquals(new PaymentOutcome.Declined("pi_9", insufficientFunds()),
                        desk.payments.attemptsFor(payment.id()).get(0).outcome(),
                        "the attempt keeps what the processor answered"));
    }

    @Test
    void a_processor_call_that_throws_leaves_the_payment_unknown_with_balances_still_reserved_and_no_credit() {
        desk.processor.loses(new UncheckedIOException(new SocketTimeoutException("read timed out")));

        Payment payment;
        List<LogRecord> logged;
        try (CapturedLog log = CapturedLog.of(ReceivePaymentService.class)) {
            payment = desk.receiving.receive(oldestFirst(acme, usd("300.00"), card()));
            logged = log.records();
        }

        RecordedAttempt attempt = desk.payments.attemptsFor(payment.id()).get(0);
        assertAll(
                () -> assertEquals(PaymentStatus.UNKNOWN, payment.status()),
                () -> assertEquals(PaymentStatus.UNKNOWN, desk.stored(payment).status()),
                () -> assertNull(desk.stored(payment).processorReference()),
                () -> assertEquals(usd("0"), desk.balanceOf(midJanuary)),
                () -> assertEquals(usd("0"), desk.balanceOf(january)),
                () -> assertEquals(usd("0"), desk.balanceOf(february)),
                () -> assertEquals(usd("12.00"), desk.creditOf(acme), "unapplied money is not credit yet"),
                () -> assertTrue(attempt.finished()),
                () -> assertEquals(new PaymentOutcome.Unknown("UncheckedIOException"), attempt.outcome()),
                () -> assertEquals(1, logged.size(), "the lost answer is logged once"),
                () -> assertEquals(Level.WARNING, logged.get(0).getLevel()),
                () -> assertTrue(logged.get(0).getMessage().contains("payment " + payment.id()),
                        () -> logged.get(0).getMessage()));
    }

    @Test
    void an_unknown_answer_from_the_processor_is_kept_as_unknown_too() {
        desk.processor.answers(new PaymentOutcome.Unknown("timeout"));

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("60.00"), card()));

        assertAll(
                () -> assertEquals(PaymentStatus.UNKNOWN, desk.stored(payment).status()),
                () -> assertEquals(usd("0"), desk.balanceOf(midJanuary)),
                () -> assertEquals(usd("90.00"), desk.balanceOf(january)));
    }

    @Test
    void an_ach_debit_the_processor_is_still_processing_stays_processing_with_its_reference_stored() {
        desk.processor.answers(new PaymentOutcome.Processing("py_ach_1"));

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("300.00"), bankAccount()));

        assertAll(
                () -> assertEquals(PaymentStatus.PROCESSING, payment.status()),
                () -> assertEquals("py_ach_1", desk.stored(payment).processorReference()),
                () -> assertEquals(payment.id(),
                        desk.payments.findByProcessorReference("py_ach_1").orElseThrow().id(),
                        "a later webhook can find the payment by its reference"),
                () -> assertEquals(usd("0"), desk.balanceOf(january), "balances stay reserved while it settles"),
                () -> assertEquals(usd("12.00"), desk.creditOf(acme), "credit waits for settlement"));
    }

    @Test
    void the_charge_request_carries_a_processor_idempotency_key_derived_from_the_stored_attempt() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("75.00"), card()));

        ChargeRequest request = desk.processor.lastRequest();
        RecordedAttempt attempt = desk.payments.attemptsFor(payment.id()).get(0);
        assertAll(
                () -> assertEquals(InMemoryPaymentRepository.FIRST_ATTEMPT_ID, attempt.attempt().id()),
                () -> assertEquals("paydesk-attempt-" + attempt.attempt().id(), request.idempotencyKey()),
                () -> assertEquals(payment.id(), request.paymentId()),
                () -> assertEquals(acme.id(), request.customerId()),
                () -> assertEquals(usd("75.00"), request.amount()),
                () -> assertEquals(card(), request.method()),
                () -> assertFalse(request.offSession(), "a method given now is charged on-session"),
                () -> assertEquals(START, attempt.attempt().startedAt()));
    }

    @Test
    void each_payment_sends_its_own_processor_idempotency_key() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1")).answers(new PaymentOutcome.Succeeded("pi_2"));

        Payment first = desk.receiving.receive(oldestFirst(acme, usd("10.00"), card()));
        Payment second = desk.receiving.receive(oldestFirst(acme, usd("10.00"), card()));

        List<ChargeRequest> requests = desk.processor.requests();
        assertAll(
                () -> assertEquals(2, requests.size()),
                () -> assertNotEquals(requests.get(0).idempotencyKey(), requests.get(1).idempotencyKey()),
                () -> assertNotEquals(first.id(), second.id()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, desk.stored(second).status(),
                        "the processor charged the second one rather than replaying the first answer"),
                () -> assertEquals(usd("30.00"), desk.balanceOf(midJanuary)));
    }

    @Test
    void a_second_call_with_the_same_request_key_returns_the_first_payment_without_calling_the_processor_again() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        ReceivePaymentCommand command = withRequestKey(oldestFirst(acme, usd("60.00"), card()), "carla:key-42");

        Payment first = desk.receiving.receive(command);
        Payment again = desk.receiving.receive(command);

        assertAll(
                () -> assertEquals(first.id(), again.id()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, again.status()),
                () -> assertEquals(1, desk.processor.requests().size()),
                () -> assertEquals(1, desk.payments.all().size()),
                () -> assertEquals(1, desk.payments.attempts().size()),
                () -> assertEquals(usd("0"), desk.balanceOf(midJanuary)),
                () -> assertEquals(usd("90.00"), desk.balanceOf(january), "applied once, not twice"),
                () -> assertEquals("carla:key-42", desk.stored(first).requestKey()));
    }

    @Test
    void a_retry_after_a_lost_answer_returns_the_unknown_payment_instead_of_charging_again() {
        desk.processor.loses(new IllegalStateException("connection reset"));
        ReceivePaymentCommand command = withRequestKey(oldestFirst(acme, usd("60.00"), card()), "carla:key-43");

        Payment first = desk.receiveLosingTheAnswer(command);
        Payment again = desk.receiving.receive(command);

        assertAll(
                () -> assertEquals(first.id(), again.id()),
                () -> assertEquals(PaymentStatus.UNKNOWN, again.status()),
                () -> assertEquals(1, desk.processor.requests().size()),
                () -> assertEquals(usd("90.00"), desk.balanceOf(january)));
    }

    @Test
    void an_unknown_customer_is_refused_and_nothing_is_stored_or_charged() {
        ReceivePaymentCommand command = new ReceivePaymentCommand(new CustomerId(999), usd("10.00"), card(), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE, "carla:key-1", CASHIER);

        assertRefused("customer_not_found", "customerId", () -> desk.receiving.receive(command));

        assertNothingHappened();
    }

    @Test
    void an_amount_in_another_currency_than_the_customers_is_refused_before_any_charge() {
        assertRefused("currency_mismatch", "amount.currency",
                () -> desk.receiving.receive(oldestFirst(acme, eur("10.00"), card())));

        assertNothingHappened();
    }

    @Test
    void an_explicit_allocation_above_an_open_balance_is_refused_before_any_charge() {
        ReceivePaymentCommand command = explicit(acme, usd("200.00"), card(),
                List.of(allocate(february.id().value(), "80.00"), allocate(january.id().value(), "100.01")));

        assertRefused("allocation_exceeds_balance", "allocations[1].amount", () -> desk.receiving.receive(command));

        assertNothingHappened();
    }

    @Test
    void an_explicit_allocation_to_another_customers_invoice_is_refused_before_any_charge() {
        Customer other = desk.customer();
        Receivable theirs = desk.invoice(other, "30.00", LocalDate.of(2024, 1, 1));
        ReceivePaymentCommand command = explicit(acme, usd("30.00"), card(),
                List.of(allocate(theirs.id().value(), "30.00")));

        assertRefused("receivable_of_another_customer", "allocations[0].receivableId",
                () -> desk.receiving.receive(command));

        assertEquals(usd("30.00"), desk.balanceOf(theirs));
        assertNothingHappened();
    }

    @Test
    void allocations_adding_up_to_more_than_the_payment_are_refused_before_any_charge() {
        ReceivePaymentCommand command = explicit(acme, usd("100.00"), card(),
                List.of(allocate(february.id().value(), "80.00"), allocate(january.id().value(), "30.00")));

        assertRefused("allocations_exceed_payment", "allocations[1].amount", () -> desk.receiving.receive(command));

        assertNothingHappened();
    }

    @Test
    void the_submission_and_the_outcome_are_audited_with_the_actor_and_the_time_of_each() {
        desk.processor.answersWith(request -> {
            desk.time.advance(Duration.ofSeconds(3));
            return new PaymentOutcome.Succeeded("pi_1");
        });

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("300.00"), card()));

        List<AuditEntry> entries = desk.audit.about(payment.id().toString());
        assertEquals(2, entries.size(), () -> "" + entries);
        AuditEntry submitted = entries.get(0);
        AuditEntry outcome = entries.get(1);
        assertAll(
                () -> assertEquals("payment.submitted", submitted.action()),
                () -> assertEquals(CASHIER, submitted.actor()),
                () -> assertEquals("payment", submitted.subjectType()),
                () -> assertEquals(START, submitted.at()),
                () -> assertEquals("ok", submitted.outcome()),
                () -> assertEquals("payment.succeeded", outcome.action()),
                () -> assertEquals(CASHIER, outcome.actor()),
                () -> assertEquals(START.plusSeconds(3), outcome.at()),
                () -> assertEquals("ok", outcome.outcome()));
    }

    @Test
    void a_decline_is_audited_as_declined_with_the_decline_codes() {
        desk.processor.answers(new PaymentOutcome.Declined("pi_9", doNotHonor()));

        Payment payment = desk.receiving.receive(oldestFirst(acme, usd("10.00"), card()));

        AuditEntry last = desk.audit.about(payment.id().toString()).get(1);
        assertAll(
                () -> assertEquals("payment.failed", last.action()),
                () -> assertEquals("declined", last.outcome()),
                () -> assertEquals(CASHIER, last.actor()),
                () -> assertEquals("card_declined/do_not_honor", last.detail()));
    }

    @Test
    void a_payment_received_while_another_is_at_the_processor_cannot_apply_the_balance_the_first_reserved() {
        AtomicReference<Payment> during = new AtomicReference<>();
        desk.processor.answersWith(request -> {
            during.set(desk.receiving.receive(oldestFirst(acme, usd("60.00"), card())));
            return new PaymentOutcome.Succeeded("pi_outer");
        }).answers(new PaymentOutcome.Succeeded("pi_inner"));

        Payment outer = desk.receiving.receive(oldestFirst(acme, usd("180.00"), card()));

        Payment inner = during.get();
        assertAll(
                () -> assertEquals(List.of(
                        new Allocation(midJanuary.id(), midJanuary.number(), usd("50.00")),
                        new Allocation(january.id(), january.number(), usd("100.00")),
                        new Allocation(february.id(), february.number(), usd("30.00"))), outer.allocations()),
                () -> assertEquals(List.of(new Allocation(february.id(), february.number(), usd("50.00"))),
                        inner.allocations()),
                () -> assertEquals(usd("10.00"), inner.unapplied()),
                () -> assertEquals(usd("0"), desk.balanceOf(february)),
                () -> assertEquals(usd("22.00"), desk.creditOf(acme)),
                () -> assertEquals(PaymentStatus.SUCCEEDED, desk.stored(outer).status()),
                () -> assertEquals(PaymentStatus.SUCCEEDED, desk.stored(inner).status()));
    }

    @Test
    void a_saved_method_is_charged_off_session_with_its_token() {
        PaymentMethodToken saved = desk.methods.saveFor(acme.id(), bankAccount());
        desk.processor.answers(new PaymentOutcome.Processing("py_1"));

        Payment payment = desk.receiving.receive(new ReceivePaymentCommand(acme.id(), usd("50.00"), null, null,
                PaymentChannel.ACCOUNTS_RECEIVABLE, null, CASHIER, saved.id(), false));

        ChargeRequest request = desk.processor.lastRequest();
        assertAll(
                () -> assertTrue(request.offSession()),
                () -> assertEquals(bankAccount(), request.method()),
                () -> assertEquals(bankAccount(), desk.stored(payment).method()),
                () -> assertEquals(usd("0"), desk.balanceOf(midJanuary)));
    }

    @Test
    void another_customers_saved_method_is_refused_before_any_charge() {
        Customer other = desk.customer();
        PaymentMethodToken theirs = desk.methods.saveFor(other.id(), card());

        assertRefused("payment_method_not_found", "paymentMethod.savedMethodId",
                () -> desk.receiving.receive(new ReceivePaymentCommand(acme.id(), usd("50.00"), null, null,
                        PaymentChannel.ACCOUNTS_RECEIVABLE, null, CASHIER, theirs.id(), false)));

        assertNothingHappened();
    }

    @Test
    void save_for_future_payments_keeps_the_method_once_the_payment_went_through() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        desk.receiving.receive(new ReceivePaymentCommand(acme.id(), usd("50.00"), card(), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE, null, CASHIER, null, true));

        assertEquals(List.of(card()), desk.methods.list(acme.id()).stream().map(PaymentMethodToken::method).toList());
        assertEquals(CASHIER, desk.methods.added().get(0).actor());
    }

    @Test
    void save_for_future_payments_saves_nothing_when_the_payment_is_declined() {
        desk.processor.answers(new PaymentOutcome.Declined("pi_1", insufficientFunds()));

        desk.receiving.receive(new ReceivePaymentCommand(acme.id(), usd("50.00"), card(), null,
                PaymentChannel.ACCOUNTS_RECEIVABLE, null, CASHIER, null, true));

        assertTrue(desk.methods.added().isEmpty());
    }

    @Test
    void a_payment_that_went_through_stands_when_saving_its_method_fails() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        desk.methods.failNextAdd(new IllegalStateException("processor refused to attach"));

        Payment payment;
        List<LogRecord> logged;
        try (CapturedLog log = CapturedLog.of(ReceivePaymentService.class)) {
            payment = desk.receiving.receive(new ReceivePaymentCommand(acme.id(), usd("50.00"), card(), null,
                    PaymentChannel.ACCOUNTS_RECEIVABLE, null, CASHIER, null, true));
            logged = log.records();
        }

        assertAll(
                () -> assertEquals(PaymentStatus.SUCCEEDED, payment.status()),
                () -> assertEquals(usd("0"), desk.balanceOf(midJanuary)),
                () -> assertTrue(desk.methods.list(acme.id()).isEmpty()),
                () -> assertEquals(1, logged.size()),
                () -> assertEquals(Level.WARNING, logged.get(0).getLevel()));
    }

    @Test
    void a_request_key_already_used_for_another_payment_is_refused_rather_than_answered_with_that_payment() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        desk.receiving.receive(withRequestKey(oldestFirst(acme, usd("60.00"), card()), "carla:key-44"));

        ReceivePaymentCommand different = withRequestKey(oldestFirst(acme, usd("999.00"), bankAccount()),
                "carla:key-44");

        assertRefused("idempotency_key_reused", "Idempotency-Key", () -> desk.receiving.receive(different));
    }

    @Test
    void a_command_with_more_allocations_than_the_maximum_is_refused() {
        List<AllocationRequest> tooMany = new ArrayList<>();
        for (int i = 1; i <= ReceivePaymentCommand.MAX_ALLOCATIONS + 1; i++) {
            tooMany.add(allocate(i, "1.00"));
        }

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> explicit(acme, usd("500.00"), card(), tooMany));
        assertEquals("allocations", refused.violations().get(0).field());
    }

    private void assertNothingHappened() {
        assertAll(
                () -> assertTrue(desk.payments.all().isEmpty(), "no payment stored"),
                () -> assertTrue(desk.payments.attempts().isEmpty(), "no attempt stored"),
                () -> assertTrue(desk.processor.requests().isEmpty(), "the processor was never called"),
                () -> assertTrue(desk.audit.entries().isEmpty(), "nothing audited"),
                () -> assertEquals(usd("100.00"), desk.balanceOf(january)),
                () -> assertEquals(usd("50.00"), desk.balanceOf(midJanuary)),
                () -> assertEquals(usd("80.00"), desk.balanceOf(february)),
                () -> assertEquals(usd("12.00"), desk.creditOf(acme)));
    }
}
