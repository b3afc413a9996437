package org.paydesk.application.payment;

import java.time.Duration;
import java.time.Instant;

/**
 * When the reconciler asks the processor about a payment or refund that has not finished: a follow-up is opened when
 * it is sent and first checked {@link #FIRST_CHECK} later (long enough for a live request to get its answer, and for
 * Stripe's search to find a new charge, about a minute), then twice as long after each check, never longer than
 * {@link #LONGEST_WAIT}; after {@link #STAFF_AFTER_ATTEMPTS} checks it is also listed for staff. A payment whose
 * node died before the answer was recorded is found the same way.
 */
public final class FollowUpSchedule {

    public static final Duration FIRST_CHECK = Duration.ofMinutes(5);

    public static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** How long a node holds a check it took before another node may take it (it died mid-check). */
    public static final Duration LEASE = Duration.ofMinutes(5);

    public static final int STAFF_AFTER_ATTEMPTS = 5;

    /**
     * A payment whose charge the processor still does not know this long after it was made, after two checks, was
     * never charged: the request never reached the processor, or the processor refused it before making a charge.
     */
    public static final Duration NO_CHARGE_AFTER = Duration.ofMinutes(10);

    private FollowUpSchedule() {
    }

    public static Instant firstCheck(Instant now) {
        return now.plus(FIRST_CHECK);
    }

    /** The next check after {@code attempts} checks left the subject unsettled. */
    public static Instant nextCheck(Instant now, int attempts) {
        Duration wait = FIRST_CHECK.multipliedBy(1L << Math.min(Math.max(attempts, 0), 10));
        return now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
}
