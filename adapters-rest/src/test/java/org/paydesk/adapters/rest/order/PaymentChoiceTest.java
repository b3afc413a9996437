package org.paydesk.adapters.rest.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.application.shared.FieldViolation;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.payment.PaymentMethodType;

/** Reading what a Pay &amp; Confirm or checkout body pays with. */
class PaymentChoiceTest {

    @Test
    void a_wallet_given_in_capitals_or_as_payments_spell_it_is_read_as_that_wallet() {
        Fields fields = new Fields();
        PaymentChoice upper = PaymentChoice.read(new PayJson(
                new PayJson.MethodJson("APPLE_PAY", "pm_applepay_visa", null), null, null, null), fields);
        PaymentChoice lower = PaymentChoice.read(new PayJson(
                new PayJson.MethodJson("google_pay", "pm_googlepay_visa", null), null, true, null), fields);

        assertTrue(fields.ok());
        assertEquals(PaymentMethodType.APPLE_PAY, upper.method().type());
        assertEquals("pm_applepay_visa", upper.method().token());
        assertFalse(upper.save());
        assertEquals(PaymentMethodType.GOOGLE_PAY, lower.method().type());
        assertTrue(lower.save(), "saveForFuturePayments");
    }

    @Test
    void a_saved_method_is_taken_at_the_top_level_or_inside_payment_method() {
        Fields fields = new Fields();
        PaymentChoice top = PaymentChoice.read(new PayJson(null, 7L, null, null), fields);
        PaymentChoice inside = PaymentChoice.read(new PayJson(new PayJson.MethodJson(null, null, 8L), null, null,
                null), fields);

        assertTrue(fields.ok());
        assertNull(top.method());
        assertEquals(7L, top.savedMethod().value());
        assertEquals(8L, inside.savedMethod().value());
    }

    @Test
    void an_unknown_type_is_refused_under_its_field() {
        assertEquals(List.of("paymentMethod.type:invalid_payment_method_type"),
                violations(new PayJson(new PayJson.MethodJson("BITCOIN", "pm_card_visa", null), null, null, null)));
    }

    @Test
    void nothing_to_pay_with_both_at_once_and_saving_a_saved_method_are_refused() {
        assertEquals(List.of("paymentMethod:required"), violations(new PayJson(null, null, null, null)));
        assertEquals(List.of("savedMethodId:invalid_request"), violations(new PayJson(
                new PayJson.MethodJson("CARD", "pm_card_visa", null), 3L, null, null)));
        assertEquals(List.of("saveForFuturePayments:already_saved"), violations(new PayJson(null, 3L, true, null)));
        assertEquals(List.of("savedMethodId:payment_method_not_found"), violations(new PayJson(null, 0L, null,
                null)));
    }

    @Test
    void a_card_number_in_place_of_a_token_is_refused() {
        assertEquals(List.of("paymentMethod.token:invalid_payment_method_token"), violations(new PayJson(
                new PayJson.MethodJson("CARD", "4242424242424242", null), null, null, null)));
    }

    private static List<String> violations(PayJson in) {
        Fields fields = new Fields();
        assertNull(PaymentChoice.read(in, fields));
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, fields::throwIfAny);
        return refused.violations().stream().map(FieldViolation::field).map(String::valueOf)
                .map(field -> field + ":" + refused.violations().stream().filter(v -> v.field().equals(field))
                        .findFirst().orElseThrow().code())
                .toList();
    }
}
