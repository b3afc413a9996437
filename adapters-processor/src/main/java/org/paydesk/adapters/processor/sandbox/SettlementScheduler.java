package org.paydesk.adapters.processor.sandbox;

import java.time.Duration;

/**
 * Runs the sandbox's later work (settling an ACH debit, reporting it again) once, after a delay. On the server it is
 * the container's managed scheduler, so tasks run with the application's context; tests run tasks by hand.
 */
public interface SettlementScheduler {

    /** Runs {@code task} once, {@code delay} from now, without making the caller wait for it. */
    void schedule(Runnable task, Duration delay);
}
