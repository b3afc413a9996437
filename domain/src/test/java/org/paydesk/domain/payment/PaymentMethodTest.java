package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentMethodTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pm_card_visa", "pm_1NqKZe2eZvKYlo2C7w3Zl9Zz", "pm_usBankAccount_success"})
    void accepts_a_processor_token(String token) {
        PaymentMethod method = new PaymentMethod(PaymentMethodType.CARD, token);

        assertEquals(token, method.token());
        assertEquals(PaymentMethodType.CARD, method.type());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"4242424242424242", "4000 0000 0000 0002", "4242-4242-4242-4242", "000123456789",
        "tok_visa", "card_1NqKZe", "pm_", "PM_card_visa", "pm_card visa", " pm_card_visa", "pm_card_visa\n",
        "pm_card-visa", "xpm_card_visa"})
    void refuses_card_numbers_and_anything_else_that_is_not_a_processor_token(String token) {
        assertRefused("invalid_payment_method_token", "paymentMethod.token",
                () -> new PaymentMethod(PaymentMethodType.CARD, token));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pm_4242424242424", "pm_4242424242424242", "pm_4242424242424242424",
        "pm_42424242424242424242", "pm_card_4242424242424242", "pm_4000000000000002_visa",
        "pm_1NqKZe2eZ6011111111111117Zz", "pm_x1234567890123y"})
    void refuses_a_token_holding_a_run_of_13_or_more_digits_which_could_carry_a_card_number(String token) {
        var refused = assertRefused("invalid_payment_method_token", "paymentMethod.token",
                () -> new PaymentMethod(PaymentMethodType.CARD, token));

        assertFalse(refused.getMessage().matches(".*\\d{13}.*"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pm_424242424242", "pm_424242424242_424242424242", "pm_4242424242a4242424242",
        "pm_4242_4242_4242_4242_x"})
    void accepts_a_token_whose_digit_runs_are_shorter_than_any_card_number(String token) {
        assertEquals(token, new PaymentMethod(PaymentMethodType.CARD, token).token());
    }

    @Test
    void refuses_an_overlong_token() {
        assertRefused("invalid_payment_method_token", "paymentMethod.token",
                () -> new PaymentMethod(PaymentMethodType.CARD, "pm_" + "a".repeat(251)));
        assertEquals(253, new PaymentMethod(PaymentMethodType.CARD, "pm_" + "a".repeat(250)).token().length());
    }

    @Test
    void requires_a_method_type() {
        assertRefused("required", "paymentMethod.type", () -> new PaymentMethod(null, "pm_card_visa"));
    }

    @Test
    void never_shows_a_refused_value_in_its_message() {
        var refused = assertRefused("invalid_payment_method_token", "paymentMethod.token",
                () -> new PaymentMethod(PaymentMethodType.CARD, "4242424242424242"));

        assertEquals(false, refused.getMessage().contains("4242"));
    }
}
