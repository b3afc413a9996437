package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * Stripe's 3-D Secure test cards are declined with {@code authentication_required} off session, as Stripe answers,
 * and on session too, since Paydesk cannot run the challenge Stripe would ask for; other cards do not care.
 */
class SandboxThreeDSecureTest {

    private final Sandbox sandbox = new Sandbox();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4000002500003155", "4000000000003220", "4000002760003184", "4000000000003063"})
    void off_session_a_3ds_card_is_declined_in_stripes_words(String number) {
        PaymentOutcome outcome = sandbox.chargeCardOffSession(sandbox.cardToken(number));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals(new PaymentFailure("authentication_required", "authentication_required",
                "Your card was declined. This transaction requires authentication."), declined.failure());
        assertTrue(declined.processorReference().startsWith("pi_sbx_"), "the PaymentIntent exists");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4000002500003155", "4000000000003220", "4000002760003184", "4000000000003063"})
    void on_session_a_3ds_card_is_declined_too_saying_paydesk_cannot_authenticate(String number) {
        PaymentOutcome outcome = sandbox.chargeCard(sandbox.cardToken(number));

        PaymentFailure failure = assertInstanceOf(PaymentOutcome.Declined.class, outcome).failure();
        assertEquals("authentication_required", failure.code());
        assertEquals("authentication_required", failure.declineCode());
        assertTrue(failure.message().contains("3-D Secure"), failure.message());
        assertTrue(failure.message().contains("Paydesk cannot"), failure.message());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pm_card_authenticationRequiredOnSetup", "pm_card_threeDSecure2Required",
        "pm_card_authenticationRequired", "pm_card_threeDSecureRequired"})
    void stripes_3ds_test_ids_answer_the_same_on_and_off_session(String stripeId) {
        PaymentFailure on = assertInstanceOf(PaymentOutcome.Declined.class, sandbox.chargeCard(stripeId)).failure();
        PaymentFailure off = assertInstanceOf(PaymentOutcome.Declined.class, sandbox.chargeCardOffSession(stripeId))
                .failure();

        assertEquals("authentication_required", on.code());
        assertEquals("authentication_required", off.code());
        assertNotEquals(on.message(), off.message());
    }

    @Test
    void a_declined_3ds_charge_waits_for_another_payment_method_at_the_processor() {
        ChargeRequest request = offSession(Sandbox.request(Sandbox.newKey(), 31, "25.00", PaymentMethodType.CARD,
                "pm_card_authenticationRequired"));
        sandbox.processor.charge(request);

        List<ProcessorCharge> charges = sandbox.processor.chargesFor(request.paymentId());

        assertEquals(1, charges.size());
        assertEquals("requires_payment_method", charges.get(0).status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4242424242424242", "4000000000000341"})
    void cards_without_3ds_answer_the_same_on_and_off_session(String number) {
        String token = sandbox.cardToken(number);

        assertEquals(sandbox.chargeCard(token).getClass(), sandbox.chargeCardOffSession(token).getClass());
    }

    @Test
    void the_same_key_on_session_and_then_off_session_is_another_request() {
        ChargeRequest onSession = Sandbox.request(Sandbox.newKey(), 32, "25.00", PaymentMethodType.CARD,
                "pm_card_visa");
        sandbox.processor.charge(onSession);

        assertThrows(IllegalStateException.class, () -> sandbox.processor.charge(offSession(onSession)));
    }

    @Test
    void an_off_session_request_repeated_with_its_key_replays_the_first_answer() {
        ChargeRequest request = offSession(Sandbox.request(Sandbox.newKey(), 33, "25.00", PaymentMethodType.CARD,
                "pm_card_threeDSecure2Required"));

        PaymentOutcome first = sandbox.processor.charge(request);

        assertEquals(first, sandbox.processor.charge(request));
        assertEquals(1, sandbox.processor.chargesFor(request.paymentId()).size());
    }

    private static ChargeRequest offSession(ChargeRequest request) {
        return new ChargeRequest(request.idempotencyKey(), request.paymentId(), request.customerId(), request.amount(),
                request.method(), request.description(), true);
    }
}
