package org.paydesk.application.payment.port.out;

/**
 * The processor's refunds (Stripe in production, the sandbox by default): gives back all or part of a charge that
 * succeeded, never more than the charge minus what was already refunded, at most once per idempotency key.
 */
public interface RefundProcessor {

    /**
     * Refunds once per {@link RefundRequest#idempotencyKey()}: the same key with the same request answers as the first
     * time and refunds nothing more.
     *
     * @return the refund's state, {@link RefundOutcome.Failed} when refused (e.g. more than is left to refund),
     *     {@link RefundOutcome.Unknown} when no answer came back
     * @throws IllegalStateException when the key was first used with another request (Stripe's
     *     {@code idempotency_error}); nothing is refunded
     */
    RefundOutcome refund(RefundRequest request);

    /**
     * The refund's current state at the processor, to follow a pending refund or settle an unknown answer.
     *
     * @throws IllegalArgumentException when the processor knows no refund with this id
     */
    RefundOutcome refundStatus(String processorRefundId);
}
