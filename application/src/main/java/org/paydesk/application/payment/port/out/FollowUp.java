package org.paydesk.application.payment.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One payment or refund the reconciler has to ask the processor about again.
 *
 * @param subjectId the payment's or refund's id
 * @param attempts how many times the processor was asked so far
 * @param since when the follow-up was opened
 * @param dueAt when to ask next
 * @param lastResult what the last check found, for staff
 */
public record FollowUp(Subject subject, long subjectId, int attempts, Instant since, Instant dueAt,
        String lastResult) {

    /** What is followed up. */
    public enum Subject {
        PAYMENT,
        REFUND
    }

    public FollowUp {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
