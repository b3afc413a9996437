package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.oldestFirst;
import static org.paydesk.application.payment.PaymentDesk.withRequestKey;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.receivable.Receivable;

/** Receiving a payment under an Idempotency-Key claimed and answered in the payment's own transactions. */
class IdempotentReceivePaymentTest {

    private final PaymentDesk desk = new PaymentDesk();
    private final Customer acme = desk.customer();
    private final Receivable january = desk.invoice(acme, "100.00", LocalDate.of(2024, 1, 31));
    private final Function<Payment, StoredResponse> render = payment -> new StoredResponse(201, "application/json",
            "/api/v1/payments/" + payment.id(), "{\"id\":" + payment.id() + ",\"status\":\"" + payment.status() + "\"}");

    private IdempotentRequest key(String fingerprint) {
        return new IdempotentRequest("carla POST /payments", "key-1", fingerprint);
    }

    @Test
    void the_first_request_is_charged_and_its_rendered_answer_kept_for_the_key() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        IdempotentAnswer answer = desk.receiving.receive(withRequestKey(oldestFirst(acme, usd("60.00"), card()), "rk-1"),
                key("fp-a"), render);

        assertFalse(answer.replayed());
        assertTrue(answer.response().body().contains("SUCCEEDED"), answer.response().body());
        assertEquals(answer.response(), desk.keys.find("carla POST /payments", "key-1").orElseThrow().response());
        assertEquals(usd("40.00"), desk.balanceOf(january));
    }

    @Test
    void a_retry_with_the_same_request_replays_the_answer_without_charging_again() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        var command = withRequestKey(oldestFirst(acme, usd("60.00"), card()), "rk-1");
        IdempotentAnswer first = desk.receiving.receive(command, key("fp-a"), render);

        IdempotentAnswer again = desk.receiving.receive(command, key("fp-a"), render);

        assertTrue(again.replayed());
        assertEquals(first.response(), again.response());
        assertEquals(1, desk.processor.requests().size(), "charged once");
        assertEquals(usd("40.00"), desk.balanceOf(january), "applied once");
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_changes_nothing() {
        desk.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        desk.receiving.receive(withRequestKey(oldestFirst(acme, usd("60.00"), card()), "rk-1"), key("fp-a"), render);

        assertRefused("idempotency_key_reused", "Idempotency-Key", () -> desk.receiving.receive(
                withRequestKey(oldestFirst(acme, usd("10.00"), card()), "rk-1"), key("fp-b"), render));
        assertEquals(usd("40.00"), desk.balanceOf(january));
        assertEquals(1, desk.processor.requests().size());
    }

    @Test
    void a_key_still_running_elsewhere_is_refused_as_in_progress() {
        desk.keys.insertIfAbsent("carla POST /payments", "key-1", "fp-a", PaymentDesk.START);

        ConflictException refused = assertThrows(ConflictException.class, () -> desk.receiving.receive(
                withRequestKey(oldestFirst(acme, usd("60.00"), card()), "rk-1"), key("fp-a"), render));

        assertEquals("request_in_progress", refused.code());
        assertTrue(desk.processor.requests().isEmpty(), "nothing charged");
    }
}
