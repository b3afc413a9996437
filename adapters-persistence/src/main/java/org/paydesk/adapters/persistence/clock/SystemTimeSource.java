package org.paydesk.adapters.persistence.clock;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.paydesk.application.shared.port.out.AdjustableTime;
import org.paydesk.application.shared.port.out.TimeSource;

/**
 * The system's UTC clock. It lives with persistence because every instant Paydesk keeps is written there, and it
 * has to be in one of the EAR's library jars for the application's beans to see it.
 *
 * <p>With the system property {@code paydesk.testing.clock-control=true} (test runs only) it can be moved forward,
 * so time limits are tested without waiting; otherwise it refuses.
 */
@ApplicationScoped
public class SystemTimeSource implements TimeSource, AdjustableTime {

    static final String CONTROL_PROPERTY = "paydesk.testing.clock-control";

    private final Clock clock = Clock.systemUTC();
    private final boolean adjustable = Boolean.getBoolean(CONTROL_PROPERTY);
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant now() {
        return clock.instant().plus(offset.get());
    }

    @Override
    public boolean adjustable() {
        return adjustable;
    }

    @Override
    public void advance(Duration by) {
        if (!adjustable) {
            throw new IllegalStateException("the clock is not adjustable in this run");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public void reset() {
        if (!adjustable) {
            throw new IllegalStateException("the clock is not adjustable in this run");
        }
        offset.set(Duration.ZERO);
    }
}
