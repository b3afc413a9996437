package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.shared.DomainException;

/**
 * Attaching sandbox tokens and Stripe's test ids to customers, beyond the contract: which test cards Stripe refuses
 * at attach time, where the expiry shown comes from, what is remembered and forgotten, and what is logged. The clock
 * stands at June 2030 unless a test moves it.
 */
class SandboxVaultTest {

    private static final CustomerId ACME = new CustomerId(7);
    private static final CustomerId GLOBEX = new CustomerId(8);

    private final Sandbox sandbox = new Sandbox();

    @ParameterizedTest(name = "{0} attaches")
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
        "4000000000000077, visa",
        "4000000000000341, visa",
        "4100000000000019, visa",
        "4000002500003155, visa",
        "4000000000003220, visa",
        "4000002760003184, visa",
        "4000000000003063, visa"})
    void test_cards_that_stripe_attaches_attach_with_their_facts(String number, String brand) {
        DisplayFacts facts = sandbox.processor.attach(card(sandbox.cardToken(number)), ACME);

        assertEquals(DisplayFacts.card(brand, number.substring(number.length() - 4), 12, 2034), facts);
    }

    @ParameterizedTest(name = "{0} is refused at attach with {1}")
    @CsvSource({
        "4000000000000002, card_declined, Your card was declined.",
        "4000000000009995, card_declined, Your card has insufficient funds.",
        "4000000000009987, card_declined, Your card was declined.",
        "4000000000009979, card_declined, Your card was declined.",
        "4000000000000069, expired_card, Your card has expired.",
        "4000000000000127, incorrect_cvc, Your card's security code is incorrect.",
        "4000000000000119, processing_error,",
        "4000000000006975, card_declined,"})
    void test_cards_the_issuer_declines_are_refused_when_attached_and_stay_unattached(String number, String code,
            String message) {
        String token = sandbox.cardToken(number);

        DomainException refused = assertThrows(DomainException.class,
                () -> sandbox.processor.attach(card(token), ACME));

        assertEquals(code, refused.code());
        assertEquals("paymentMethod.token", refused.field());
        if (message != null) {
            assertEquals(message, refused.getMessage());
        }
        assertFalse(refused.getMessage().contains(number));
        assertEquals(Optional.empty(), sandbox.processor.attachedTo(token));
    }

    @Test
    void stripes_test_ids_are_refused_at_attach_like_the_cards_they_name() {
        DomainException refused = assertThrows(DomainException.class, () -> sandbox.processor.attach(
                card("pm_card_visa_chargeDeclinedInsufficientFunds"), ACME));

        assertEquals("card_declined", refused.code());
        assertEquals("Your card has insufficient funds.", refused.getMessage());
    }

    @Test
    void the_expiry_shown_is_the_one_typed_in_when_the_card_was_tokenized() {
        String token = sandbox.processor.tokenizeCard(new CardDetails("5555555555554444", 3, 32, "123")).token();

        DisplayFacts facts = sandbox.processor.attach(card(token), ACME);

        assertEquals(DisplayFacts.card("mastercard", "4444", 3, 2032), facts);
    }

    @Test
    void a_stripe_test_id_carries_no_expiry_so_december_five_years_ahead_is_shown() {
        DisplayFacts facts = sandbox.processor.attach(card("pm_card_amex"), ACME);

        assertEquals(DisplayFacts.card("amex", "0005", 12, 2035), facts);
    }

    @Test
    void a_token_issued_before_tokens_carried_the_expiry_still_attaches_and_charges() {
        String older = "pm_sbx_visa_" + "q".repeat(SandboxTokens.RANDOM_LETTERS);

        assertEquals(DisplayFacts.card("visa", "4242", 12, 2035), sandbox.processor.attach(card(older), ACME));
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.chargeCardOffSession(older));
    }

    @Test
    void a_card_that_expired_since_it_was_tokenized_is_refused_as_expired() {
        String token = sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", 7, 2030, "123")).token();
        sandbox.clock.set(Instant.parse("2030-07-31T23:59:59Z"));
        assertEquals(7, sandbox.processor.attach(card(token), ACME).expMonth(), "good through its last day");
        sandbox.processor.detach(card(token));
        sandbox.clock.set(Instant.parse("2030-08-01T00:00:00Z"));

        DomainException refused = assertThrows(DomainException.class,
                () -> sandbox.processor.attach(card(token), ACME));

        assertEquals("expired_card", refused.code());
    }

    @Test
    void a_bank_account_attaches_as_stripes_test_bank() {
        assertEquals(DisplayFacts.bankAccount("STRIPE TEST BANK", "1113"),
                sandbox.processor.attach(ach(sandbox.achToken("000111111113")), ACME));
        assertEquals(DisplayFacts.bankAccount("STRIPE TEST BANK", "6789"),
                sandbox.processor.attach(ach("pm_usBankAccount_success"), ACME));
    }

    @Test
    void a_token_of_another_method_type_is_refused_as_invalid_and_a_wallet_token_attaches_as_its_card() {
        DomainException cardAsAch = assertThrows(DomainException.class,
                () -> sandbox.processor.attach(ach(sandbox.cardToken("4242424242424242")), ACME));
        DomainException achAsCard = assertThrows(DomainException.class,
                () -> sandbox.processor.attach(card(sandbox.achToken("000123456789")), ACME));

        assertEquals("invalid_payment_method_token", cardAsAch.code());
        assertEquals("invalid_payment_method_token", achAsCard.code());
        assertEquals("paymentMethod.token", achAsCard.field());
        assertEquals("visa", sandbox.processor.attach(
                new PaymentMethod(PaymentMethodType.APPLE_PAY, "pm_applepay_visa"), ACME).brand());
        DomainException cardAsWallet = assertThrows(DomainException.class, () -> sandbox.processor.attach(
                new PaymentMethod(PaymentMethodType.APPLE_PAY, sandbox.cardToken("4242424242424242")), ACME));
        assertEquals("invalid_payment_method_token", cardAsWallet.code());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pm_card_nonsense", "pm_sbx_visa_tooshort",
        "pm_sbx_nosuchscenario_aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "pm_sbx_visa_203013_aaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "pm_sbx_visa_203000_aaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "pm_sbx_achSuccess_203012_aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "pm_sbx_visa_20301_aaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void an_unknown_or_tampered_token_is_refused_and_cannot_be_charged_either(String token) {
        PaymentMethodType type = token.contains("ach") ? PaymentMethodType.ACH : PaymentMethodType.CARD;

        DomainException refused = assertThrows(DomainException.class,
                () -> sandbox.processor.attach(new PaymentMethod(type, token), ACME));

        assertEquals("invalid_payment_method_token", refused.code());
        assertFalse(refused.getMessage().contains(token));
        PaymentOutcome charged = sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 9, "10.00", type, token));
        assertEquals("resource_missing", assertInstanceOf(PaymentOutcome.Declined.class, charged).failure().code());
    }

    @Test
    void a_refused_second_customer_leaves_the_first_attachment_in_place() {
        String token = sandbox.cardToken("4242424242424242");
        sandbox.processor.attach(card(token), ACME);

        assertThrows(DomainException.class, () -> sandbox.processor.attach(card(token), GLOBEX));

        assertEquals(Optional.of(ACME), sandbox.processor.attachedTo(token));
    }

    @Test
    void detaching_forgets_the_customer_so_another_may_attach_it() {
        String token = sandbox.cardToken("4242424242424242");
        sandbox.processor.attach(card(token), ACME);

        sandbox.processor.detach(card(token));

        assertEquals(Optional.empty(), sandbox.processor.attachedTo(token));
        sandbox.processor.attach(card(token), GLOBEX);
        assertEquals(Optional.of(GLOBEX), sandbox.processor.attachedTo(token));
    }

    @Test
    void detaching_another_token_leaves_an_attachment_alone() {
        String token = sandbox.cardToken("4242424242424242");
        sandbox.processor.attach(card(token), ACME);

        sandbox.processor.detach(card(sandbox.cardToken("4242424242424242")));
        sandbox.processor.detach(card("pm_card_visa"));
        sandbox.processor.detach(card("pm_not_a_sandbox_token"));

        assertEquals(Optional.of(ACME), sandbox.processor.attachedTo(token));
    }

    @Test
    void stripes_shared_test_ids_stand_for_a_fresh_method_each_time_so_any_customer_may_attach_one() {
        sandbox.processor.attach(card("pm_card_visa"), ACME);

        assertEquals("4242", sandbox.processor.attach(card("pm_card_visa"), GLOBEX).last4());
        assertEquals(Optional.empty(), sandbox.processor.attachedTo("pm_card_visa"));
    }

    @Test
    void an_attached_card_made_to_fail_charges_is_declined_off_session() {
        String token = sandbox.cardToken("4000000000000341");
        sandbox.processor.attach(card(token), ACME);

        PaymentOutcome outcome = sandbox.chargeCardOffSession(token);

        assertEquals("generic_decline",
                assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure().declineCode());
    }

    @Test
    void when_customers_race_for_one_token_exactly_one_gets_it() throws Exception {
        String token = sandbox.cardToken("4242424242424242");
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 1; i <= racers; i++) {
                CustomerId customer = new CustomerId(100 + i);
                Callable<String> attach = () -> {
                    start.await();
                    try {
                        sandbox.processor.attach(card(token), customer);
                        return "attached";
                    } catch (DomainException refused) {
                        return refused.code();
                    }
                };
                answers.add(pool.submit(attach));
            }
            start.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> answer : answers) {
                codes.add(answer.get(10, TimeUnit.SECONDS));
            }

            assertEquals(1, codes.stream().filter("attached"::equals).count(), codes::toString);
            assertEquals(racers - 1, codes.stream().filter("payment_method_attached_elsewhere"::equals).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void attaching_and_refusing_log_scenario_and_customer_never_the_token_or_a_number() {
        String good = sandbox.cardToken("4242424242424242");
        String declined = sandbox.cardToken("4000000000000002");
        try (LogCapture log = new LogCapture()) {
            sandbox.processor.attach(card(good), ACME);
            assertThrows(DomainException.class, () -> sandbox.processor.attach(card(good), GLOBEX));
            assertThrows(DomainException.class, () -> sandbox.processor.attach(card(declined), ACME));
            assertThrows(DomainException.class, () -> sandbox.processor.attach(card("pm_a_secret_value"), ACME));
            sandbox.processor.detach(card(good));

            assertEquals(List.of(
                    "sandbox vault: scenario visa attached to customer 7",
                    "sandbox vault: scenario visa refused for customer 8 (payment_method_attached_elsewhere)",
                    "sandbox vault: scenario chargeDeclined refused for customer 7 (card_declined)",
                    "sandbox vault: scenario - refused for customer 7 (invalid_payment_method_token)",
                    "sandbox vault: scenario visa detached from customer 7"), log.lines());
            for (String line : log.lines()) {
                assertFalse(line.contains(good) || line.contains(declined) || line.contains("secret"), line);
                assertFalse(line.contains("4242424242424242") || line.contains("4000000000000002"), line);
            }
        }
    }

    @Test
    void attached_tokens_keep_passing_the_domains_guard_against_card_numbers() {
        String token = sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", 12, 2034, "123")).token();

        assertTrue(token.matches("pm_sbx_visa_203412_[a-z]{28}"), token);
        assertFalse(token.matches(".*\\d{13}.*"), token);
    }

    private static PaymentMethod card(String token) {
        return new PaymentMethod(PaymentMethodType.CARD, token);
    }

    private static PaymentMethod ach(String token) {
        return new PaymentMethod(PaymentMethodType.ACH, token);
    }
}
