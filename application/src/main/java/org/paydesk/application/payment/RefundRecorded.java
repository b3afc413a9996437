package org.paydesk.application.payment;

import java.time.Instant;
import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundStatus;

/**
 * The processor's answer on a refund was recorded and moved it on: accepted ({@code PENDING}), done
 * ({@code SUCCEEDED}) or refused ({@code FAILED}). Fired synchronously inside the transaction that records it, under
 * the customer's lock, after the refund and the balances it touches were written; an observer's own writes (a
 * notice in the outbox) commit or roll back with the answer. An answer that changes nothing fires nothing.
 *
 * @param before the refund's status before this answer
 */
public record RefundRecorded(Refund refund, RefundStatus before, Actor actor, Instant at) {

    public RefundRecorded {
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether this answer is the one that started the refund: the processor took it (accepted or already done) after
     * it was requested. A refund's status leaves {@code REQUESTED} once, so this holds for one answer at most.
     */
    public boolean started() {
        return before == RefundStatus.REQUESTED
                && (refund.status() == RefundStatus.PENDING || refund.status() == RefundStatus.SUCCEEDED);
    }
}
