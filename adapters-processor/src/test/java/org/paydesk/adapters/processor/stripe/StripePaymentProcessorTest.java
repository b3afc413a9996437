package org.paydesk.adapters.processor.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.paydesk.stripefake.StripeFake;

/**
 * The Stripe adapter's own rules, against the local fake: retries with the same key, lost answers, decline codes,
 * off-session and ACH charges, wallets, customers, setups, and no secret key in any log line or message.
 */
class StripePaymentProcessorTest {

    private final StripeFake fake = StripeFake.start(0);
    private final StripePaymentProcessor stripe = FakeStripe.processor(fake);

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 500, 503})
    void rate_limits_and_server_errors_are_retried_with_the_same_key_and_end_in_exactly_one_charge(int status) {
        fake.failNext(2, status);
        ChargeRequest request = charge(11, "42.00", PaymentMethodType.CARD, "pm_card_visa");

        PaymentOutcome outcome = stripe.charge(request);

        assertInstanceOf(PaymentOutcome.Succeeded.class, outcome);
        assertEquals(1, fake.paymentIntents().size());
        List<StripeFake.RecordedRequest> creates = creates();
        assertEquals(3, creates.size(), creates::toString);
        assertTrue(creates.stream().allMatch(r -> request.idempotencyKey().equals(r.idempotencyKey())), "same key");
        assertEquals(List.of(status, status, 200), creates.stream().map(StripeFake.RecordedRequest::status).toList());
    }

    @Test
    void errors_that_outlast_the_retry_budget_leave_the_answer_unknown_and_nothing_charged() {
        StripePaymentProcessor impatient = FakeStripe.processor(FakeStripe.settings(fake, 5_000, 150));
        fake.failNext(1_000, 500);

        PaymentOutcome outcome = impatient.charge(charge(12, "42.00", PaymentMethodType.CARD, "pm_card_visa"));

        assertInstanceOf(PaymentOutcome.Unknown.class, outcome);
        assertTrue(creates().size() > 1, "retried before giving up");
        assertTrue(fake.paymentIntents().isEmpty());
    }

    @Test
    void a_client_error_is_an_answer_and_is_not_retried() {
        PaymentOutcome outcome = stripe.charge(charge(13, "0.10", PaymentMethodType.CARD, "pm_card_visa"));

        assertEquals("amount_too_small", assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure().code());
        assertEquals(1, creates().size());
    }

    @Test
    void a_timeout_after_the_fake_charged_is_unknown_and_reconciliation_finds_exactly_one_succeeded_charge() {
        StripePaymentProcessor impatient = FakeStripe.processor(FakeStripe.settings(fake, 400, 2_000));
        fake.timeoutAfterChargeNext(1);
        ChargeRequest request = charge(14, "42.00", PaymentMethodType.CARD, "pm_card_visa");

        PaymentOutcome outcome = impatient.charge(request);

        assertInstanceOf(PaymentOutcome.Unknown.class, outcome);
        assertEquals(1, creates().size(), "a lost answer is never resent on its own");
        List<ProcessorCharge> charges = impatient.chargesFor(request.paymentId());
        assertEquals(1, charges.size(), charges::toString);
        assertEquals("succeeded", charges.get(0).status());
        assertEquals(ProcessorCharge.State.SUCCEEDED, charges.get(0).state());
        assertEquals(request.idempotencyKey(), charges.get(0).idempotencyKey());
        assertEquals(Money.parse("42.00", "USD"), charges.get(0).amount());
        assertEquals(charges.get(0), impatient.lookup(charges.get(0).reference()).orElseThrow(),
                "the search and a read of the intent agree");
        // Retrying the same attempt later (the reconciler's choice) replays the charge instead of making another.
        PaymentOutcome retried = stripe.charge(request);
        assertEquals(charges.get(0).reference(), assertInstanceOf(PaymentOutcome.Succeeded.class, retried)
                .processorReference());
        assertEquals(1, fake.paymentIntents().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pm_card_chargeDeclined, card_declined, generic_decline",
        "pm_card_visa_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
        "pm_card_chargeDeclinedLostCard, card_declined, lost_card",
        "pm_card_chargeDeclinedStolenCard, card_declined, stolen_card",
        "pm_card_chargeDeclinedExpiredCard, expired_card, expired_card",
        "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc",
        "pm_card_chargeDeclinedProcessingError, processing_error, processing_error",
        "pm_card_radarBlock, card_declined, fraudulent"
    })
    void declines_carry_stripes_code_and_decline_code_and_the_intent(String method, String code, String declineCode) {
        PaymentOutcome outcome = stripe.charge(charge(15, "42.00", PaymentMethodType.CARD, method));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals(code, declined.failure().code());
        assertEquals(declineCode, declined.failure().declineCode());
        assertFalse(declined.failure().message().isBlank());
        assertTrue(declined.processorReference().startsWith("pi_"), "the PaymentIntent exists");
        assertEquals("requires_payment_method", stripe.chargesFor(new PaymentId(15)).get(0).status());
    }

    @Test
    void the_idempotency_key_sent_is_the_charge_requests_and_every_intent_carries_paydesks_metadata() {
        ChargeRequest request = charge(16, "42.00", PaymentMethodType.CARD, "pm_card_visa");

        stripe.charge(request);

        assertEquals(request.idempotencyKey(), creates().get(0).idempotencyKey());
        JsonNode intent = fake.paymentIntents().get(0);
        assertEquals("16", intent.path("metadata").path("paydesk_payment_id").asText());
        assertEquals(request.idempotencyKey(), intent.path("metadata").path("paydesk_attempt_key").asText());
        assertEquals("card", intent.path("payment_method_types").get(0).asText());
        assertEquals(4200, intent.path("amount").asInt());
        assertEquals("usd", intent.path("currency").asText());
    }

    @Test
    void an_unknown_payment_method_is_declined_without_echoing_it() {
        PaymentOutcome outcome = stripe.charge(charge(17, "42.00", PaymentMethodType.CARD, "pm_secret_looking_id"));

        PaymentFailure failure = assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure();
        assertEquals("resource_missing", failure.code());
        assertFalse(failure.message().contains("pm_secret_looking_id"), failure.message());
    }

    @Test
    void on_session_3ds_is_requires_action_at_stripe_and_a_decline_for_paydesk() {
        PaymentOutcome outcome = stripe.charge(charge(18, "42.00", PaymentMethodType.CARD,
                "pm_card_threeDSecure2Required"));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("authentication_required", declined.failure().code());
        assertEquals("authentication_required", declined.failure().declineCode());
        ProcessorCharge charge = stripe.chargesFor(new PaymentId(18)).get(0);
        assertEquals("requires_action", charge.status());
        assertEquals(ProcessorCharge.State.FAILED, charge.state());
        assertEquals("authentication_required", charge.failure().code());
    }

    @Test
    void off_session_a_saved_card_is_charged_as_the_customers_and_3ds_is_declined_by_stripe() {
        CustomerId customer = new CustomerId(501);
        String saved = FakeStripe.card(fake, "4242424242424242", 12, 2034);
        stripe.attach(new PaymentMethod(PaymentMethodType.CARD, saved), customer);
        String savedThreeDs = FakeStripe.card(fake, "4000002760003184", 12, 2034);
        stripe.attach(new PaymentMethod(PaymentMethodType.CARD, savedThreeDs), customer);

        PaymentOutcome paid = stripe.charge(offSession(charge(19, "42.00", PaymentMethodType.CARD, saved), customer));
        PaymentOutcome needsAuth = stripe.charge(offSession(charge(20, "42.00", PaymentMethodType.CARD,
                savedThreeDs), customer));

        assertInstanceOf(PaymentOutcome.Succeeded.class, paid);
        JsonNode intent = fake.paymentIntents().get(0);
        assertEquals(stripe.stripeCustomer(customer), intent.path("customer").asText());
        PaymentFailure failure = assertInstanceOf(PaymentOutcome.Declined.class, needsAuth).failure();
        assertEquals("authentication_required", failure.code());
        assertTrue(creates().stream().allMatch(r -> r.body().contains("off_session=true")));
    }

    @Test
    void a_method_to_be_saved_is_charged_as_the_customers_for_future_use_and_then_attaches() {
        CustomerId customer = new CustomerId(502);
        ChargeRequest first = charge(22, "42.00", PaymentMethodType.CARD, "pm_card_visa");
        ChargeRequest saving = new ChargeRequest(first.idempotencyKey(), first.paymentId(), customer, first.amount(),
                first.method(), first.description(), false, true);

        PaymentOutcome paid = stripe.charge(saving);

        assertInstanceOf(PaymentOutcome.Succeeded.class, paid);
        JsonNode intent = fake.paymentIntents().get(0);
        assertEquals(stripe.stripeCustomer(customer), intent.path("customer").asText());
        assertEquals("off_session", intent.path("setup_future_usage").asText());
        assertFalse(creates().get(0).body().contains("off_session=true"), "the payer is present: on-session");
        assertEquals("4242", stripe.attach(first.method(), customer).last4());
    }

    @Test
    void an_ach_debit_is_processing_with_an_offline_mandate_and_settles_at_stripe() {
        ChargeRequest request = charge(21, "42.00", PaymentMethodType.ACH, "pm_usBankAccount_success");

        PaymentOutcome outcome = stripe.charge(request);

        assertInstanceOf(PaymentOutcome.Processing.class, outcome);
        String body = java.net.URLDecoder.decode(creates().get(0).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.contains("payment_method_types[0]=us_bank_account"), body);
        assertTrue(body.contains("mandate_data[customer_acceptance][type]=offline"), body);
        assertTrue(fake.settle(outcome.processorReference()));
        assertEquals("succeeded", stripe.chargesFor(request.paymentId()).get(0).status());
    }

    @Test
    void an_ach_debit_returned_after_it_settled_reads_returned_with_the_return_code() {
        ChargeRequest request = charge(24, "42.00", PaymentMethodType.ACH, "pm_usBankAccount_success");
        String intent = stripe.charge(request).processorReference();
        assertTrue(fake.settle(intent));
        assertEquals(ProcessorCharge.State.SUCCEEDED, stripe.lookup(intent).orElseThrow().state());

        fake.achReturn(intent, "debit_not_authorized");
        ProcessorCharge returned = stripe.lookup(intent).orElseThrow();

        assertEquals(ProcessorCharge.State.RETURNED, returned.state());
        assertEquals("requires_payment_method", returned.status(), "Stripe's own word is kept");
        assertEquals("debit_not_authorized", returned.failure().code());
        assertEquals(null, returned.failure().declineCode(), "a bank return has no issuer decline code");
        assertFalse(returned.failure().message().isBlank());
        assertEquals(Money.parse("42.00", "USD"), returned.amount());
        assertEquals(List.of(returned), stripe.chargesFor(request.paymentId()));
    }

    @Test
    void a_dispute_marks_the_charge_disputed_and_leaves_it_succeeded() {
        ChargeRequest request = charge(25, "42.00", PaymentMethodType.CARD, "pm_card_visa");
        String intent = stripe.charge(request).processorReference();
        assertFalse(stripe.lookup(intent).orElseThrow().disputed());

        fake.trigger("charge.dispute.created", intent);
        ProcessorCharge disputed = stripe.lookup(intent).orElseThrow();

        assertTrue(disputed.disputed());
        assertEquals(ProcessorCharge.State.SUCCEEDED, disputed.state());
        assertTrue(stripe.chargesFor(request.paymentId()).get(0).disputed(), "the search reads the charge too");
    }

    @Test
    void a_lookup_reads_the_intent_with_its_latest_charge_expanded() {
        String intent = stripe.charge(charge(26, "42.00", PaymentMethodType.CARD, "pm_card_visa"))
                .processorReference();

        stripe.lookup(intent);

        StripeFake.RecordedRequest read = fake.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals("/v1/payment_intents/" + intent))
                .findFirst().orElseThrow();
        assertTrue(java.net.URLDecoder.decode(read.body(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("expand[0]=latest_charge"), read.body());
        assertEquals(200, read.status());
    }

    @Test
    void a_lookup_without_an_answer_throws_and_never_guesses() {
        String intent = stripe.charge(charge(27, "42.00", PaymentMethodType.CARD, "pm_card_visa"))
                .processorReference();
        StripePaymentProcessor impatient = FakeStripe.processor(FakeStripe.settings(fake, 5_000, 100));
        fake.failNext(1_000, 503);

        IllegalStateException exhausted = assertThrows(IllegalStateException.class, () -> impatient.lookup(intent));
        fake.failNext(0, 503);
        StripePaymentProcessor unreachable = FakeStripe.processor(StripeSettings.of("http://127.0.0.1:9",
                FakeStripe.SECRET_KEY, null, null, 200, 200, 0));
        IllegalStateException lost = assertThrows(IllegalStateException.class, () -> unreachable.lookup(intent));

        assertTrue(exhausted.getMessage().contains("503"), exhausted.getMessage());
        assertTrue(lost.getMessage().contains("ApiConnectionException"), lost.getMessage());
        for (String message : List.of(exhausted.getMessage(), lost.getMessage())) {
            assertFalse(message.contains(FakeStripe.SECRET_KEY), message);
        }
        assertEquals(ProcessorCharge.State.SUCCEEDED, stripe.lookup(intent).orElseThrow().state(),
                "once Stripe answers again, the truth is read");
    }

    @Test
    void apple_pay_and_google_pay_are_supported_and_charge_through_their_wallet_tokens() {
        assertEquals(Set.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY), stripe.supportedWallets());

        assertInstanceOf(PaymentOutcome.Succeeded.class, stripe.charge(charge(22, "42.00",
                PaymentMethodType.APPLE_PAY, "pm_applepay_visa")));
        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, stripe.charge(charge(23,
                "42.00", PaymentMethodType.GOOGLE_PAY, "pm_googlepay_chargeDeclined")));
        assertEquals("generic_decline", declined.failure().declineCode());
    }

    @Test
    void a_wallet_token_attaches_only_as_its_wallet() {
        CustomerId customer = new CustomerId(502);

        assertEquals("4242", stripe.attach(new PaymentMethod(PaymentMethodType.APPLE_PAY, "pm_applepay_visa"),
                customer).last4());
        DomainException asCard = assertThrows(DomainException.class, () -> stripe.attach(
                new PaymentMethod(PaymentMethodType.CARD, "pm_googlepay_visa"), customer));
        DomainException cardAsWallet = assertThrows(DomainException.class, () -> stripe.attach(
                new PaymentMethod(PaymentMethodType.GOOGLE_PAY, "pm_card_visa"), customer));
        assertEquals("invalid_payment_method_token", asCard.code());
        assertEquals("invalid_payment_method_token", cardAsWallet.code());
    }

    @Test
    void a_paydesk_customer_is_one_stripe_customer_found_again_by_search_after_a_restart() {
        CustomerId customer = new CustomerId(503);
        String first = stripe.stripeCustomer(customer);

        String afterRestart = FakeStripe.processor(fake).stripeCustomer(customer);

        assertEquals(first, afterRestart);
        assertEquals(1, fake.customers().size());
        assertEquals("503", fake.customers().get(0).path("metadata").path("paydesk_customer_id").asText());
        assertTrue(fake.requests().stream().filter(r -> r.path().equals("/v1/customers"))
                .allMatch(r -> "paydesk-customer-503".equals(r.idempotencyKey())));
    }

    @Test
    void a_setup_gives_the_client_secret_of_a_setup_intent_for_the_customer() {
        CustomerId customer = new CustomerId(504);

        String secret = stripe.startSetup(customer);

        JsonNode setup = fake.setupIntents().get(0);
        assertEquals(setup.path("client_secret").asText(), secret);
        assertEquals(stripe.stripeCustomer(customer), setup.path("customer").asText());
        assertEquals("off_session", setup.path("usage").asText());
        String saved = fake.completeSetup(setup.path("id").asText(), "pm_card_mastercard");
        assertEquals("4444", stripe.attach(new PaymentMethod(PaymentMethodType.CARD, saved), customer).last4(),
                "already attached to this customer: the same facts again");
    }

    @Test
    void the_secret_key_never_appears_in_a_log_line_or_a_message() {
        List<String> messages = new java.util.ArrayList<>();
        try (StripeLogCapture log = new StripeLogCapture()) {
            fake.failNext(1, 503);
            stripe.charge(charge(30, "42.00", PaymentMethodType.CARD, "pm_card_visa"));
            stripe.charge(charge(31, "42.00", PaymentMethodType.CARD, "pm_card_chargeDeclined"));
            stripe.charge(charge(32, "42.00", PaymentMethodType.CARD, "pm_no_such_method"));
            StripePaymentProcessor impatient = FakeStripe.processor(FakeStripe.settings(fake, 300, 100));
            fake.timeoutAfterChargeNext(1);
            messages.add(String.valueOf(impatient.charge(charge(33, "42.00", PaymentMethodType.CARD,
                    "pm_card_visa"))));
            ChargeRequest reused = charge(34, "42.00", PaymentMethodType.CARD, "pm_card_visa");
            stripe.charge(reused);
            messages.add(assertThrows(IllegalStateException.class, () -> stripe.charge(new ChargeRequest(
                    reused.idempotencyKey(), reused.paymentId(), reused.customerId(), Money.parse("43.00", "USD"),
                    reused.method(), reused.description()))).getMessage());
            messages.add(assertThrows(DomainException.class, () -> stripe.attach(new PaymentMethod(
                    PaymentMethodType.CARD, "pm_card_chargeDeclined"), new CustomerId(35))).getMessage());
            // A key the fake refuses: Stripe answers 401 without the key; our message must not add it either.
            StripePaymentProcessor wrongKey = FakeStripe.processor(StripeSettings.of(fake.baseUrl(),
                    "sk_live_ThisLiveKeyMustNeverBeShown", null, null, 1_000, 1_000, 100));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> wrongKey.charge(
                    charge(36, "42.00", PaymentMethodType.CARD, "pm_card_visa")));
            messages.add(refused.getMessage());
            messages.add(String.valueOf(refused.getCause()));
            messages.add(FakeStripe.settings(fake, 1_000, 1_000).toString());

            List<String> lines = log.lines();
            assertFalse(lines.isEmpty(), "the adapter logs its calls");
            for (String line : lines) {
                assertFalse(line.contains(FakeStripe.SECRET_KEY), line);
                assertFalse(line.contains("ThisLiveKeyMustNeverBeShown"), line);
            }
            for (String message : messages) {
                assertNotNull(message);
                assertFalse(message.contains(FakeStripe.SECRET_KEY), message);
                assertFalse(message.contains("ThisLiveKeyMustNeverBeShown"), message);
            }
        }
    }

    @Test
    void settings_refuse_a_missing_or_malformed_secret_key_without_echoing_it() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> StripeSettings.of("https://api.stripe.com", null, null, null, 1, 1, 0));
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> StripeSettings.of("https://api.stripe.com", "pk_live_pastedIntoTheWrongPlace", null, null, 1,
                        1, 0));

        assertTrue(missing.getMessage().contains("paydesk.stripe.secret-key"), missing.getMessage());
        assertFalse(malformed.getMessage().contains("pastedIntoTheWrongPlace"), malformed.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StripeSettings.of("ftp://example.com", "sk_test_x", null, null, 1, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> StripeSettings.of("https://api.stripe.com", "sk_test_x", null, null, 0, 1, 0));
    }

    @Test
    void retries_back_off_exponentially_with_jitter_and_stop_when_the_budget_is_spent() throws Exception {
        List<Duration> pauses = new java.util.ArrayList<>();
        long[] now = {0};
        StripeRetries retries = new StripeRetries(Duration.ofMillis(1_000), Duration.ofMillis(100),
                Duration.ofMillis(400), new java.util.Random(1), () -> now[0], pause -> {
                    pauses.add(pause);
                    now[0] += pause.toNanos();
                });
        int[] calls = {0};

        assertThrows(com.stripe.exception.ApiException.class, () -> retries.call("test", () -> {
            calls[0]++;
            throw new com.stripe.exception.ApiException("down", "req_1", null, 503, null);
        }));

        assertTrue(calls[0] > 2, "retried");
        Duration total = pauses.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(Duration.ofMillis(1_000)) <= 0, "within the budget: " + total);
        for (int i = 0; i < pauses.size(); i++) {
            long cap = Math.min(400, 100L << i);
            assertTrue(pauses.get(i).toMillis() >= 1 && pauses.get(i).toMillis() <= cap + 1,
                    "pause " + i + " = " + pauses.get(i));
        }
    }

    private List<StripeFake.RecordedRequest> creates() {
        return fake.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/payment_intents")).toList();
    }

    private static ChargeRequest charge(long payment, String usd, PaymentMethodType type, String token) {
        return new ChargeRequest("paydesk-attempt-" + UUID.randomUUID(), new PaymentId(payment), new CustomerId(1),
                Money.parse(usd, "USD"), new PaymentMethod(type, token), "Paydesk payment " + payment);
    }

    private static ChargeRequest offSession(ChargeRequest request, CustomerId customer) {
        return new ChargeRequest(request.idempotencyKey(), request.paymentId(), customer, request.amount(),
                request.method(), request.description(), true);
    }
}
