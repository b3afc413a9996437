package org.paydesk.application.payment.port.out;

import java.time.Instant;
import java.util.List;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;

/**
 * Payments and refunds waiting for the processor's final word, each with its next check. Shared by all nodes: a
 * check is taken by moving its due time, so two nodes never make the same check at once.
 */
public interface ReconciliationQueue {

    /** Opens a follow-up due at {@code dueAt}, in the caller's transaction; nothing when one is open already. */
    void open(FollowUp.Subject subject, long subjectId, Instant now, Instant dueAt);

    /**
     * Takes up to {@code limit} follow-ups due at {@code now}, oldest due first, moving each one's due time to
     * {@code leaseUntil} in a transaction of its own so no other node takes it meanwhile.
     */
    List<FollowUp> takeDue(Instant now, Instant leaseUntil, int limit);

    /** Records a check that left the subject unsettled: one more attempt, the next one due at {@code dueAt}. */
    void reschedule(FollowUp.Subject subject, long subjectId, Instant dueAt, String lastResult);

    /** Closes the follow-up (the subject is settled), in the caller's transaction; nothing when none is open. */
    void close(FollowUp.Subject subject, long subjectId);

    /** Open follow-ups checked at least {@code minAttempts} times, oldest first. */
    Page<FollowUp> unresolved(int minAttempts, PageRequest page);
}
