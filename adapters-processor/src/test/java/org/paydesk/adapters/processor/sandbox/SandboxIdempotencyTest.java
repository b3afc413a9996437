package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/** The sandbox keeps Stripe's idempotency rules and lists charges per payment with Stripe's status words. */
class SandboxIdempotencyTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void replaying_a_request_returns_the_first_answer_and_creates_no_second_charge() {
        ChargeRequest request = Sandbox.request(Sandbox.newKey(), 3, "150.00", PaymentMethodType.CARD,
                sandbox.cardToken("4242424242424242"));

        PaymentOutcome first = sandbox.processor.charge(request);
        PaymentOutcome second = sandbox.processor.charge(request);
        PaymentOutcome third = sandbox.processor.charge(request);

        assertEquals(first, second);
        assertEquals(first, third);
        assertEquals(List.of(new ProcessorCharge(first.processorReference(), request.idempotencyKey(),
                Money.parse("150.00", "USD"), "succeeded")), sandbox.processor.chargesFor(new PaymentId(3)));
    }

    @Test
    void replaying_a_decline_returns_the_same_decline_and_the_same_charge() {
        ChargeRequest request = Sandbox.request(Sandbox.newKey(), 3, "150.00", PaymentMethodType.CARD,
                "pm_card_visa_chargeDeclined");

        PaymentOutcome first = sandbox.processor.charge(request);

        assertEquals(first, sandbox.processor.charge(request));
        assertEquals(1, sandbox.processor.chargesFor(new PaymentId(3)).size());
    }

    @Test
    void the_same_key_with_another_amount_is_an_idempotency_error_and_leaves_the_first_charge_alone() {
        String key = Sandbox.newKey();
        PaymentOutcome first = sandbox.processor.charge(
                Sandbox.request(key, 3, "150.00", PaymentMethodType.CARD, "pm_card_visa"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sandbox.processor.charge(
                Sandbox.request(key, 3, "151.00", PaymentMethodType.CARD, "pm_card_visa")));

        assertTrue(refused.getMessage().startsWith("idempotency_error"), refused.getMessage());
        List<ProcessorCharge> charges = sandbox.processor.chargesFor(new PaymentId(3));
        assertEquals(1, charges.size());
        assertEquals(first.processorReference(), charges.get(0).reference());
        assertEquals(Money.parse("150.00", "USD"), charges.get(0).amount());
    }

    @Test
    void the_same_key_with_another_payment_method_or_payment_is_also_refused() {
        String key = Sandbox.newKey();
        sandbox.processor.charge(Sandbox.request(key, 3, "150.00", PaymentMethodType.CARD, "pm_card_visa"));

        assertThrows(IllegalStateException.class, () -> sandbox.processor.charge(
                Sandbox.request(key, 3, "150.00", PaymentMethodType.CARD, "pm_card_mastercard")));
        assertThrows(IllegalStateException.class, () -> sandbox.processor.charge(
                Sandbox.request(key, 4, "150.00", PaymentMethodType.CARD, "pm_card_visa")));
        assertEquals(List.of(), sandbox.processor.chargesFor(new PaymentId(4)));
    }

    @Test
    void a_request_refused_by_validation_is_not_kept_so_its_key_can_be_used_again() {
        String key = Sandbox.newKey();
        PaymentOutcome tooLarge = sandbox.processor.charge(
                Sandbox.request(key, 3, "1000000.00", PaymentMethodType.CARD, "pm_card_visa"));

        PaymentOutcome corrected = sandbox.processor.charge(
                Sandbox.request(key, 3, "1000.00", PaymentMethodType.CARD, "pm_card_visa"));

        assertEquals("amount_too_large", assertInstanceOf(PaymentOutcome.Declined.class, tooLarge).failure().code());
        assertInstanceOf(PaymentOutcome.Succeeded.class, corrected);
    }

    @Test
    void charges_are_listed_per_payment_oldest_first_with_stripes_status_words() {
        PaymentOutcome declined = sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 10, "60.00",
                PaymentMethodType.CARD, sandbox.cardToken("4000000000009995")));
        PaymentOutcome paid = sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 10, "60.00",
                PaymentMethodType.CARD, sandbox.cardToken("5555555555554444")));
        PaymentOutcome processing = sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 11, "75.00",
                PaymentMethodType.ACH, sandbox.achToken("000123456789")));

        assertEquals(List.of("requires_payment_method", "succeeded"), sandbox.processor.chargesFor(new PaymentId(10))
                .stream().map(ProcessorCharge::status).toList());
        assertEquals(List.of(declined.processorReference(), paid.processorReference()),
                sandbox.processor.chargesFor(new PaymentId(10)).stream().map(ProcessorCharge::reference).toList());
        List<ProcessorCharge> ach = sandbox.processor.chargesFor(new PaymentId(11));
        assertEquals(1, ach.size());
        assertEquals(processing.processorReference(), ach.get(0).reference());
        assertEquals("processing", ach.get(0).status());
        assertEquals(List.of(), sandbox.processor.chargesFor(new PaymentId(12)));
    }

    @Test
    void concurrent_requests_with_one_key_create_one_charge() throws Exception {
        ChargeRequest request = new ChargeRequest(Sandbox.newKey(), new PaymentId(20),
                new CustomerId(1), Money.parse("20.00", "USD"),
                new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa"), "concurrent");
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<PaymentOutcome>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<PaymentOutcome> call = () -> {
                    start.await();
                    return sandbox.processor.charge(request);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            Set<String> references = answers.stream().map(SandboxIdempotencyTest::await)
                    .map(PaymentOutcome::processorReference).collect(Collectors.toSet());

            assertEquals(1, references.size(), references::toString);
            assertEquals(1, sandbox.processor.chargesFor(new PaymentId(20)).size());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    private static PaymentOutcome await(Future<PaymentOutcome> answer) {
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }
}
