package org.paydesk.domain.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The payment's life: {@code PENDING -> PROCESSING -> SUCCEEDED | FAILED}, {@code UNKNOWN} when the
 * processor's answer was lost, and after success {@code PARTIALLY_REFUNDED}, {@code REFUNDED},
 * {@code RETURNED} (ACH) or {@code DISPUTED}. Each state lists where it may go; nothing else is legal. The one
 * step back is a refund that failed at the processor after it was accepted: the payment is again (partly) kept.
 */
public enum PaymentStatus {
    PENDING,
    PROCESSING,
    UNKNOWN,
    SUCCEEDED,
    FAILED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    RETURNED,
    DISPUTED;

    private Set<PaymentStatus> next;

    static {
        PENDING.next = EnumSet.of(PROCESSING, FAILED);
        PROCESSING.next = EnumSet.of(SUCCEEDED, FAILED, UNKNOWN);
        UNKNOWN.next = EnumSet.of(PROCESSING, SUCCEEDED, FAILED);
        SUCCEEDED.next = EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, RETURNED, DISPUTED);
        FAILED.next = EnumSet.noneOf(PaymentStatus.class);
        // A refund the processor finally refused gives its money back: REFUNDED and PARTIALLY_REFUNDED step back.
        PARTIALLY_REFUNDED.next = EnumSet.of(PARTIALLY_REFUNDED, REFUNDED, RETURNED, DISPUTED, SUCCEEDED);
        REFUNDED.next = EnumSet.of(PARTIALLY_REFUNDED, SUCCEEDED);
        RETURNED.next = EnumSet.noneOf(PaymentStatus.class);
        DISPUTED.next = EnumSet.of(SUCCEEDED, REFUNDED);
    }

    public boolean canMoveTo(PaymentStatus target) {
        return next.contains(target);
    }

    /** Whether money of this payment may be given back now: it went through and is neither disputed nor returned. */
    public boolean isRefundable() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
    }

    /** Whether the processor has still to say how this payment ends. */
    public boolean awaitsProcessor() {
        return this == PENDING || this == PROCESSING || this == UNKNOWN;
    }
}
