package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.DomainException;

/**
 * Tokenization takes only Stripe's published test numbers, checks them as Stripe.js would, and never lets the number
 * out. The clock stands at June 2030.
 */
class SandboxTokenizationTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void a_test_card_becomes_a_self_describing_sandbox_token_with_display_facts_only() {
        TokenizedPaymentMethod method = sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", 8, 2031,
                "123"));

        assertTrue(method.token().matches("pm_sbx_visa_203108_[a-z]{28}"), "the token carries the expiry only: "
                + method.token());
        assertEquals(PaymentMethodType.CARD, method.type());
        assertEquals("visa", method.brand());
        assertEquals("4242", method.last4());
        assertEquals(8, method.expMonth());
        assertEquals(2031, method.expYear());
        assertNull(method.bankName());
        new PaymentMethod(method.type(), method.token()); // the domain accepts it as a processor token
    }

    @ParameterizedTest
    @EnumSource(StripeTestCard.class)
    void no_token_contains_the_card_number_nor_does_anything_printed(StripeTestCard card) {
        TokenizedPaymentMethod method = sandbox.processor.tokenizeCard(new CardDetails(card.number(), 12, 2034, "123"));

        assertFalse(method.token().contains(card.number()), method.token());
        assertFalse(method.token().contains(card.number().substring(0, 8)), "not even the first digits");
        assertFalse(method.toString().contains(card.number()), method::toString);
        assertFalse(card.toString().contains(card.number()), card::toString);
    }

    @Test
    void spaces_and_dashes_typed_into_the_number_are_ignored() {
        assertEquals("4444", sandbox.processor.tokenizeCard(new CardDetails("5555 5555-5555 4444", 1, 31, "123"))
                .last4());
    }

    @Test
    void two_digit_years_are_read_as_this_century() {
        TokenizedPaymentMethod method = sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", 1, 31,
                "123"));

        assertEquals(2031, method.expYear());
        assertTrue(method.token().startsWith("pm_sbx_visa_203101_"), method.token());
    }

    @Test
    void every_token_is_different_even_for_the_same_card_and_passes_the_domains_guard() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String token = sandbox.cardToken("4242424242424242");
            assertFalse(token.matches(".*\\d{13}.*"), token);
            new PaymentMethod(PaymentMethodType.CARD, token);
            tokens.add(token);
        }

        assertEquals(2_000, tokens.size());
    }

    @ParameterizedTest(name = "{0} is not a Stripe test card")
    @ValueSource(strings = {"4111111111111111", "5500005555555559", "6011000000000004"})
    void a_number_stripe_does_not_publish_is_refused_as_not_a_test_card(String number) {
        assertRefused("not_a_test_card", "card.number",
                () -> sandbox.processor.tokenizeCard(new CardDetails(number, 12, 2034, "123")), number);
    }

    @ParameterizedTest(name = "\"{0}\" is not a card number")
    @ValueSource(strings = {"4242424242424241", "4000000000000003", "42424242", "4242x24242424242", "",
        "42424242424242424242"})
    void a_number_that_fails_the_luhn_check_or_is_malformed_is_refused(String number) {
        assertRefused("invalid_card_number", "card.number",
                () -> sandbox.processor.tokenizeCard(new CardDetails(number, 12, 2034, "123")),
                number.isEmpty() ? "never-present" : number);
    }

    @Test
    void a_missing_number_is_refused_as_invalid() {
        assertRefused("invalid_card_number", "card.number",
                () -> sandbox.processor.tokenizeCard(new CardDetails(null, 12, 2034, "123")), "never-present");
    }

    @ParameterizedTest(name = "{0}/{1} is refused at {2}")
    @CsvSource({
        "12, 2029, card.expYear",
        "5, 2030, card.expMonth",
        "1, 30, card.expMonth",
        "0, 2031, card.expMonth",
        "13, 2031, card.expMonth",
        "1, 2081, card.expYear"})
    void an_expiry_in_the_past_impossible_or_too_far_ahead_is_refused(int month, int year, String field) {
        assertRefused("invalid_expiry", field,
                () -> sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", month, year, "123")),
                "4242424242424242");
    }

    @Test
    void a_card_expiring_this_month_is_still_good() {
        assertEquals("4242", sandbox.processor.tokenizeCard(new CardDetails("4242424242424242", 6, 2030, "123"))
                .last4());
    }

    @ParameterizedTest(name = "CVC \"{0}\" is refused")
    @ValueSource(strings = {"12", "12345", "12a", ""})
    void a_cvc_that_is_not_three_or_four_digits_is_refused(String cvc) {
        assertRefused("invalid_cvc", "card.cvc",
                () -> sandbox.processor.tokenizeCard(new CardDetails("378282246310005", 12, 2034, cvc)),
                "378282246310005");
    }

    @Test
    void a_four_digit_cvc_is_accepted() {
        assertEquals("amex", sandbox.processor.tokenizeCard(new CardDetails("378282246310005", 12, 2034, "1234"))
                .brand());
    }

    @Test
    void stripes_test_bank_account_becomes_an_ach_token_with_bank_name_and_last_four() {
        TokenizedPaymentMethod method = sandbox.processor.tokenizeBankAccount(
                new BankAccountDetails("110000000", "000123456789", "Acme Hardware"));

        assertTrue(method.token().matches("pm_sbx_achSuccess_[a-z]{28}"), method.token());
        assertFalse(method.token().contains("000123456789"));
        assertEquals(PaymentMethodType.ACH, method.type());
        assertEquals("6789", method.last4());
        assertEquals("STRIPE TEST BANK", method.bankName());
        assertNull(method.brand());
        assertNull(method.expMonth());
    }

    @ParameterizedTest(name = "account {0}")
    @ValueSource(strings = {"000123456789", "000111111113", "000111111116", "000222222227", "000333333335",
        "000444444440", "000000000009"})
    void every_simulated_stripe_test_account_is_accepted(String account) {
        assertEquals(account.substring(8), sandbox.processor.tokenizeBankAccount(
                new BankAccountDetails("110000000", account, "Acme Hardware")).last4());
    }

    @ParameterizedTest(name = "account {0}")
    @ValueSource(strings = {"987654321", "000123456780", "000555555559", ""})
    void any_other_account_number_is_refused_as_not_a_test_account(String account) {
        assertRefused("not_a_test_account", "bankAccount.accountNumber",
                () -> sandbox.processor.tokenizeBankAccount(new BankAccountDetails("110000000", account, "Acme")),
                account.isEmpty() ? "never-present" : account);
    }

    @Test
    void a_real_routing_number_is_refused_as_not_a_test_account() {
        // 021000021 passes the ABA check, but is not Stripe's test routing number.
        assertRefused("not_a_test_account", "bankAccount.routingNumber",
                () -> sandbox.processor.tokenizeBankAccount(new BankAccountDetails("021000021", "000123456789",
                        "Acme")), "000123456789");
    }

    @ParameterizedTest(name = "routing \"{0}\"")
    @ValueSource(strings = {"110000001", "11000000", "11000000a", ""})
    void a_routing_number_failing_the_aba_check_is_refused_as_invalid(String routing) {
        assertRefused("invalid_routing_number", "bankAccount.routingNumber",
                () -> sandbox.processor.tokenizeBankAccount(new BankAccountDetails(routing, "000123456789", "Acme")),
                "000123456789");
    }

    @Test
    void the_account_holders_name_is_required_as_at_stripe() {
        assertRefused("required", "bankAccount.holderName",
                () -> sandbox.processor.tokenizeBankAccount(new BankAccountDetails("110000000", "000123456789", " ")),
                "000123456789");
    }

    @Test
    void every_listed_test_card_is_a_well_formed_card_number() {
        for (StripeTestCard card : StripeTestCard.values()) {
            assertTrue(SandboxTokenizer.passesLuhn(card.number()), card::name);
        }
        assertFalse(SandboxTokenizer.passesLuhn("4242424242424241"));
        assertTrue(SandboxTokenizer.isAbaRoutingNumber(StripeTestBankAccount.ROUTING_NUMBER));
    }

    @Test
    void tokens_of_different_instruments_never_share_a_scenario() {
        Set<String> scenarios = new HashSet<>();
        for (StripeTestCard card : StripeTestCard.values()) {
            scenarios.add(card.slug());
        }
        for (StripeTestBankAccount account : StripeTestBankAccount.values()) {
            scenarios.add(account.slug());
        }

        assertEquals(StripeTestCard.values().length + StripeTestBankAccount.values().length, scenarios.size());
        assertNotEquals(sandbox.cardToken("4242424242424242"), sandbox.cardToken("4242424242424242"));
    }

    /** The refusal has the code and field, and its message does not give the number back. */
    private static void assertRefused(String code, String field, Executable tokenize, String number) {
        DomainException refused = assertThrows(DomainException.class, tokenize);
        assertEquals(code, refused.code());
        assertEquals(field, refused.field());
        assertFalse(refused.getMessage().contains(number), refused::getMessage);
    }
}
