package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/** Every Stripe test card, typed in or named by Stripe's test id, answers as Stripe documents. */
class SandboxCardChargesTest {

    private final Sandbox sandbox = new Sandbox();

    @ParameterizedTest(name = "{0} ({1}) is charged at once")
    @CsvSource({
        "4242424242424242, visa",
        "4000056655665556, visa",
        "5555555555554444, mastercard",
        "2223003122003222, mastercard",
        "5200828282828210, mastercard",
        "5105105105105100, mastercard",
        "378282246310005, amex",
        "371449635398431, amex",
        "6011111111111117, discover",
        "6011000990139424, discover",
        "3056930009020004, diners",
        "36227206271667, diners",
        "3566002020360505, jcb",
        "6200000000000005, unionpay",
        "4000000000000077, visa"})
    void test_cards_that_succeed_are_charged_at_once(String number, String brand) {
        assertEquals(brand, sandbox.processor.tokenizeCard(new CardDetails(number, 12, 2034, "123")).brand());

        PaymentOutcome outcome = sandbox.chargeCard(sandbox.cardToken(number));

        PaymentOutcome.Succeeded succeeded = assertInstanceOf(PaymentOutcome.Succeeded.class, outcome);
        assertTrue(succeeded.processorReference().matches("pi_sbx_[a-z]{28}"), succeeded.processorReference());
    }

    @ParameterizedTest(name = "{0} is declined with {1}/{2}")
    @CsvSource({
        "4000000000000002, card_declined, generic_decline",
        "4000000000009995, card_declined, insufficient_funds",
        "4000000000009987, card_declined, lost_card",
        "4000000000009979, card_declined, stolen_card",
        "4000000000000069, expired_card, expired_card",
        "4000000000000127, incorrect_cvc, incorrect_cvc",
        "4000000000000119, processing_error, processing_error",
        "4000000000006975, card_declined, card_velocity_exceeded",
        "4000000000000341, card_declined, generic_decline",
        "4100000000000019, card_declined, fraudulent",
        "4000002500003155, authentication_required, authentication_required",
        "4000000000003220, authentication_required, authentication_required",
        "4000002760003184, authentication_required, authentication_required",
        "4000000000003063, authentication_required, authentication_required"})
    void test_cards_that_fail_are_declined_with_stripes_error_and_decline_codes(String number, String code,
            String declineCode) {
        PaymentOutcome outcome = sandbox.chargeCard(sandbox.cardToken(number));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals(code, declined.failure().code());
        assertEquals(declineCode, declined.failure().declineCode());
        assertFalse(declined.failure().message().isBlank());
        assertTrue(declined.processorReference().startsWith("pi_sbx_"), "a declined PaymentIntent still exists");
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource({
        "pm_card_visa, succeeded, ",
        "pm_card_visa_debit, succeeded, ",
        "pm_card_mastercard, succeeded, ",
        "pm_card_mastercard_debit, succeeded, ",
        "pm_card_mastercard_prepaid, succeeded, ",
        "pm_card_amex, succeeded, ",
        "pm_card_discover, succeeded, ",
        "pm_card_diners, succeeded, ",
        "pm_card_jcb, succeeded, ",
        "pm_card_unionpay, succeeded, ",
        "pm_card_bypassPending, succeeded, ",
        "pm_card_visa_chargeDeclined, card_declined, generic_decline",
        "pm_card_chargeDeclined, card_declined, generic_decline",
        "pm_card_visa_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
        "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
        "pm_card_visa_chargeDeclinedLostCard, card_declined, lost_card",
        "pm_card_visa_chargeDeclinedStolenCard, card_declined, stolen_card",
        "pm_card_chargeDeclinedExpiredCard, expired_card, expired_card",
        "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc",
        "pm_card_chargeDeclinedProcessingError, processing_error, processing_error",
        "pm_card_visa_chargeDeclinedVelocityLimitExceeded, card_declined, card_velocity_exceeded",
        "pm_card_chargeCustomerFail, card_declined, generic_decline",
        "pm_card_radarBlock, card_declined, fraudulent",
        "pm_card_chargeDeclinedFraudulent, card_declined, fraudulent",
        "pm_card_authenticationRequired, authentication_required, authentication_required",
        "pm_card_authenticationRequiredOnSetup, authentication_required, authentication_required",
        "pm_card_threeDSecure2Required, authentication_required, authentication_required",
        "pm_card_threeDSecureRequired, authentication_required, authentication_required"})
    void stripes_test_payment_method_ids_are_accepted_as_tokens(String stripeId, String code, String declineCode) {
        PaymentOutcome outcome = sandbox.chargeCard(stripeId);

        if ("succeeded".equals(code)) {
            assertInstanceOf(PaymentOutcome.Succeeded.class, outcome);
        } else {
            PaymentFailure failure = assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure();
            assertEquals(code, failure.code());
            assertEquals(declineCode, failure.declineCode());
        }
    }

    @ParameterizedTest
    @CsvSource({"APPLE_PAY, pm_applepay_visa", "GOOGLE_PAY, pm_googlepay_visa"})
    void wallet_payments_are_cards_underneath_but_need_a_wallet_token(String wallet, String walletToken) {
        PaymentOutcome withWalletToken = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 1, "10.00", PaymentMethodType.valueOf(wallet), walletToken));
        PaymentOutcome withCardToken = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 1, "10.00", PaymentMethodType.valueOf(wallet), "pm_card_visa"));

        assertInstanceOf(PaymentOutcome.Succeeded.class, withWalletToken);
        assertEquals("payment_intent_incompatible_payment_method",
                assertInstanceOf(PaymentOutcome.Declined.class, withCardToken).failure().code());
    }

    @Test
    void a_token_from_before_a_restart_charges_the_same_way() {
        String token = sandbox.cardToken("4000000000009995");
        Sandbox restarted = new Sandbox();

        PaymentOutcome outcome = restarted.chargeCard(token);

        assertEquals("insufficient_funds",
                assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure().declineCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pm_card_nonsense", "pm_sbx_visa_tooshort", "pm_a_secret_value",
        "pm_sbx_nosuchscenario_aaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void an_unknown_token_is_refused_before_any_charge_and_never_echoed(String token) {
        PaymentId payment = new PaymentId(77);
        PaymentOutcome outcome = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 77, "10.00", PaymentMethodType.CARD, token));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("resource_missing", declined.failure().code());
        assertNull(declined.processorReference());
        assertFalse(declined.failure().message().contains(token));
        assertTrue(sandbox.processor.chargesFor(payment).isEmpty());
    }

    @Test
    void a_card_token_charged_as_ach_is_refused_as_incompatible() {
        PaymentOutcome outcome = sandbox.chargeAch(sandbox.cardToken("4242424242424242"));

        assertEquals("payment_intent_incompatible_payment_method",
                assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure().code());
    }

    @Test
    void a_bank_account_token_charged_as_a_card_is_refused_as_incompatible() {
        PaymentOutcome outcome = sandbox.chargeCard(sandbox.achToken("000123456789"));

        assertEquals("payment_intent_incompatible_payment_method",
                assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure().code());
        assertEquals(0, sandbox.scheduler.pending(), "nothing to settle");
    }

    @Test
    void an_amount_up_to_stripes_limit_of_999999_dollars_99_is_charged() {
        PaymentOutcome outcome = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 1, "999999.99", PaymentMethodType.CARD, "pm_card_visa"));

        assertInstanceOf(PaymentOutcome.Succeeded.class, outcome);
    }

    @Test
    void an_amount_above_stripes_limit_is_refused_with_amount_too_large_and_charges_nothing() {
        PaymentOutcome outcome = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 5, "1000000.00", PaymentMethodType.CARD, "pm_card_visa"));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("amount_too_large", declined.failure().code());
        assertNull(declined.processorReference());
        assertTrue(sandbox.processor.chargesFor(new PaymentId(5)).isEmpty());
    }

    @Test
    void the_limit_is_eight_digits_of_the_smallest_unit_in_any_currency() {
        ChargeRequest yen = new ChargeRequest(Sandbox.newKey(), new PaymentId(1), new CustomerId(1),
                Money.ofMinor(100_000_000, "JPY"), new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa"), null);

        assertEquals("amount_too_large",
                assertInstanceOf(PaymentOutcome.Declined.class, sandbox.processor.charge(yen)).failure().code());
    }

    @Test
    void less_than_stripes_minimum_of_fifty_cents_is_refused_with_amount_too_small() {
        PaymentOutcome tooSmall = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 1, "0.49", PaymentMethodType.CARD, "pm_card_visa"));
        PaymentOutcome smallest = sandbox.processor.charge(
                Sandbox.request(Sandbox.newKey(), 1, "0.50", PaymentMethodType.CARD, "pm_card_visa"));

        assertEquals("amount_too_small", assertInstanceOf(PaymentOutcome.Declined.class, tooSmall).failure().code());
        assertInstanceOf(PaymentOutcome.Succeeded.class, smallest);
    }

    @Test
    void the_configured_latency_delays_every_charge() {
        Sandbox slow = new Sandbox(new RecordingOutcomes(), Duration.ofMillis(120));

        long started = System.nanoTime();
        slow.chargeCard("pm_card_visa");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(Duration.ofMillis(120)) >= 0, "took only " + took);
    }

    @Test
    void an_interrupted_call_answers_unknown_and_charges_nothing() {
        Sandbox slow = new Sandbox(new RecordingOutcomes(), Duration.ofSeconds(30));
        Thread.currentThread().interrupt();
        try {
            PaymentOutcome outcome = slow.processor.charge(
                    Sandbox.request(Sandbox.newKey(), 9, "10.00", PaymentMethodType.CARD, "pm_card_visa"));

            assertInstanceOf(PaymentOutcome.Unknown.class, outcome);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
            assertEquals(List.of(), slow.processor.chargesFor(new PaymentId(9)));
        } finally {
            Thread.interrupted();
        }
    }
}
