package org.paydesk.domain.refund;

import java.util.EnumSet;
import java.util.Set;

/**
 * A refund's life: {@code REQUESTED} (recorded, the processor has not answered or its answer was lost) ->
 * {@code PENDING} (accepted, the money is on its way) -> {@code SUCCEEDED} | {@code FAILED}. Nothing else is legal.
 */
public enum RefundStatus {
    REQUESTED,
    PENDING,
    SUCCEEDED,
    FAILED;

    private Set<RefundStatus> next;

    static {
        REQUESTED.next = EnumSet.of(PENDING, SUCCEEDED, FAILED);
        PENDING.next = EnumSet.of(SUCCEEDED, FAILED);
        SUCCEEDED.next = EnumSet.noneOf(RefundStatus.class);
        FAILED.next = EnumSet.noneOf(RefundStatus.class);
    }

    public boolean canMoveTo(RefundStatus target) {
        return next.contains(target);
    }

    /** Whether the processor has still to say how this refund ends. */
    public boolean awaitsProcessor() {
        return this == REQUESTED || this == PENDING;
    }
}
