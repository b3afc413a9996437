package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/**
 * ACH debits answer {@code Processing} at once and settle after the configured delay, reported to Paydesk through
 * its outcome use case, again and again while Paydesk does not know the reference yet.
 */
class SandboxAchSettlementTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void a_debit_from_the_success_account_is_processing_then_succeeds_after_the_configured_delay() {
        PaymentOutcome answer = sandbox.chargeAch(sandbox.achToken("000123456789"));

        PaymentOutcome.Processing processing = assertInstanceOf(PaymentOutcome.Processing.class, answer);
        assertEquals(List.of(Sandbox.ACH_DELAY), sandbox.scheduler.delays(), "settles after the configured delay");
        assertEquals(List.of(), sandbox.outcomes.reports(), "nothing is reported before the delay");

        sandbox.scheduler.runNext();

        List<RecordingOutcomes.Report> reports = sandbox.outcomes.reports();
        assertEquals(1, reports.size());
        assertEquals(processing.processorReference(), reports.get(0).reference());
        assertEquals(new PaymentOutcome.Succeeded(processing.processorReference()), reports.get(0).outcome());
        assertEquals(Actor.system("sandbox"), reports.get(0).actor());
        assertEquals("succeeded", sandbox.processor.chargesFor(new PaymentId(1)).get(0).status());
        assertEquals(0, sandbox.scheduler.pending(), "a report that found its payment is not repeated");
    }

    @ParameterizedTest(name = "account {0} fails with {1}")
    @CsvSource({
        "000111111116, no_account",
        "000111111113, account_closed",
        "000222222227, insufficient_funds",
        "000333333335, debit_not_authorized",
        "000444444440, invalid_currency"})
    void a_debit_from_a_failing_test_account_is_processing_then_declined_with_stripes_failure_code(String account,
            String failureCode) {
        PaymentOutcome answer = sandbox.chargeAch(sandbox.achToken(account));
        assertInstanceOf(PaymentOutcome.Processing.class, answer);

        sandbox.scheduler.runAll();

        PaymentOutcome reported = sandbox.outcomes.reports().get(0).outcome();
        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, reported);
        assertEquals(answer.processorReference(), declined.processorReference());
        PaymentFailure failure = declined.failure();
        assertEquals(failureCode, failure.code());
        assertNull(failure.declineCode(), "ACH failures carry no issuer decline code");
        assertEquals("requires_payment_method", sandbox.processor.chargesFor(new PaymentId(1)).get(0).status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pm_usBankAccount_success, Succeeded",
        "pm_usBankAccount_accountClosed, Declined",
        "pm_usBankAccount_noAccount, Declined",
        "pm_usBankAccount_insufficientFunds, Declined",
        "pm_usBankAccount_debitNotAuthorized, Declined",
        "pm_usBankAccount_invalidCurrency, Declined"})
    void stripes_test_bank_account_ids_settle_the_same_way(String stripeId, String settledAs) {
        assertInstanceOf(PaymentOutcome.Processing.class, sandbox.chargeAch(stripeId));

        sandbox.scheduler.runAll();

        assertEquals(settledAs, sandbox.outcomes.reports().get(0).outcome().getClass().getSimpleName());
    }

    @Test
    void the_processing_test_account_never_settles() {
        assertInstanceOf(PaymentOutcome.Processing.class, sandbox.chargeAch(sandbox.achToken("000000000009")));

        assertEquals(0, sandbox.scheduler.pending());
        assertEquals("processing", sandbox.processor.chargesFor(new PaymentId(1)).get(0).status());
    }

    @Test
    void a_report_paydesk_cannot_match_yet_is_repeated_after_a_short_delay_until_it_is() {
        Sandbox early = new Sandbox(new RecordingOutcomes().answeringUnknownFor(2), Duration.ZERO);
        PaymentOutcome answer = early.chargeAch("pm_usBankAccount_success");

        early.scheduler.runAll();

        List<RecordingOutcomes.Report> reports = early.outcomes.reports();
        assertEquals(3, reports.size(), "two misses, then found");
        assertTrue(reports.stream().allMatch(r -> r.reference().equals(answer.processorReference())));
        assertTrue(reports.stream().allMatch(r -> r.outcome() instanceof PaymentOutcome.Succeeded));
        assertEquals(List.of(Sandbox.ACH_DELAY, Sandbox.RETRY_DELAY, Sandbox.RETRY_DELAY), early.scheduler.delays());
    }

    @Test
    void reporting_stops_after_the_last_attempt_and_the_status_still_answers_reconciliation() {
        Sandbox never = new Sandbox(new RecordingOutcomes().answeringUnknownFor(100), Duration.ZERO);
        never.chargeAch("pm_usBankAccount_noAccount");

        never.scheduler.runAll();

        assertEquals(Sandbox.REPORT_ATTEMPTS, never.outcomes.reports().size());
        assertEquals("requires_payment_method", never.processor.chargesFor(new PaymentId(1)).get(0).status());
    }

    @Test
    void a_report_that_throws_is_retried_like_one_that_found_nothing() {
        Sandbox failing = new Sandbox(new RecordingOutcomes().failingWith(new IllegalStateException("db down")),
                Duration.ZERO);
        failing.chargeAch("pm_usBankAccount_success");

        failing.scheduler.runAll();

        assertEquals(Sandbox.REPORT_ATTEMPTS, failing.outcomes.reports().size());
    }

    @Test
    void replaying_an_ach_charge_answers_processing_again_and_settles_only_once() {
        ChargeRequest request = Sandbox.request(Sandbox.newKey(), 1, "25.00", PaymentMethodType.ACH,
                "pm_usBankAccount_success");
        PaymentOutcome first = sandbox.processor.charge(request);

        assertEquals(first, sandbox.processor.charge(request));
        assertEquals(1, sandbox.scheduler.pending());
        sandbox.scheduler.runAll();
        assertEquals(first, sandbox.processor.charge(request), "Stripe replays the first answer, even once settled");
        assertEquals(1, sandbox.outcomes.reports().size());
        assertEquals(0, sandbox.scheduler.pending());
    }

    @Test
    void ach_debits_must_be_in_us_dollars() {
        ChargeRequest euros = new ChargeRequest(Sandbox.newKey(), new PaymentId(1), new CustomerId(1),
                Money.parse("25.00", "EUR"), new PaymentMethod(PaymentMethodType.ACH, "pm_usBankAccount_success"),
                null);

        PaymentOutcome outcome = sandbox.processor.charge(euros);

        assertEquals("payment_intent_invalid_parameter",
                assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure().code());
        assertEquals(0, sandbox.scheduler.pending());
    }

    @Test
    void a_scheduler_that_refuses_leaves_the_debit_processing_instead_of_failing_the_charge() {
        SettlementScheduler refusing = (task, delay) -> {
            throw new RejectedExecutionException("shutting down");
        };
        SandboxPaymentProcessor processor = new SandboxPaymentProcessor(SandboxSettings.defaults(), refusing,
                new RecordingOutcomes(), new SecureRandom(), () -> Sandbox.NOW);

        PaymentOutcome outcome = processor.charge(Sandbox.request(Sandbox.newKey(), 1, "25.00",
                PaymentMethodType.ACH, "pm_usBankAccount_success"));

        assertInstanceOf(PaymentOutcome.Processing.class, outcome);
        assertEquals("processing", processor.chargesFor(new PaymentId(1)).get(0).status());
    }
}
