package org.paydesk.application.shared.port.out;

import java.time.Duration;

/**
 * Moving Paydesk's clock forward, for tests of time limits (a link's four hours) without waiting. Only possible
 * when the server was started with testing clock control on; never in production.
 */
public interface AdjustableTime {

    boolean adjustable();

    /** @throws IllegalStateException when the clock is not adjustable */
    void advance(Duration by);

    void reset();
}
