package org.paydesk.domain.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.aPayment;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.payment.Unwinding;

class RefundTest {

    private static final Instant NOW = Instant.parse("2024-03-02T10:00:00Z");

    private static Refund requested() {
        Payment payment = aPayment().withId(9).inStatus(PaymentStatus.SUCCEEDED).build();
        return Refund.request(new RefundId(4), payment, usd("25.00"), new Unwinding(usd("25.00"), List.of()), "key",
                NOW);
    }

    @Test
    void a_new_refund_is_requested_and_has_a_key_derived_from_its_id() {
        Refund refund = requested();

        assertEquals(RefundStatus.REQUESTED, refund.status());
        assertEquals("paydesk-refund-4", refund.processorIdempotencyKey());
        assertTrue(refund.status().awaitsProcessor());
        assertNull(refund.processorRefundId());
    }

    @Test
    void accepted_then_succeeded() {
        Refund refund = requested();

        refund.accepted("re_1", NOW);
        assertEquals(RefundStatus.PENDING, refund.status());
        refund.succeeded("re_1", NOW);
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertEquals("re_1", refund.processorRefundId());
    }

    @Test
    void a_failed_refund_keeps_the_reason_and_cannot_succeed_later() {
        Refund refund = requested();
        refund.accepted("re_1", NOW);

        refund.failed(null, "insufficient_funds", "The merchant balance is too low.", NOW);

        assertEquals(RefundStatus.FAILED, refund.status());
        assertEquals("re_1", refund.processorRefundId());
        assertEquals("insufficient_funds", refund.failureCode());
        assertRefused("illegal_refund_transition", "status", () -> refund.succeeded("re_1", NOW));
    }

    @Test
    void a_succeeded_refund_cannot_go_back_to_pending() {
        Refund refund = requested();
        refund.succeeded("re_1", NOW);

        assertRefused("illegal_refund_transition", "status", () -> refund.accepted("re_1", NOW));
    }

    @Test
    void what_it_takes_back_must_be_its_amount() {
        Payment payment = aPayment().inStatus(PaymentStatus.SUCCEEDED).build();

        assertThrows(IllegalArgumentException.class, () -> Refund.request(new RefundId(1), payment, usd("25.00"),
                new Unwinding(usd("20.00"), List.of()), null, NOW));
        assertThrows(IllegalArgumentException.class, () -> new RefundId(0));
    }
}
