package org.paydesk.application.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.paydesk.application.shared.port.in.ClockControlUseCase;
import org.paydesk.application.shared.port.out.AdjustableTime;
import org.paydesk.application.shared.port.out.TimeSource;

/** Moves the clock in test runs; in any other run it answers as if it did not exist. */
@ApplicationScoped
public class ClockControlService implements ClockControlUseCase {

    private static final Logger LOG = Logger.getLogger(ClockControlService.class.getName());

    private final AdjustableTime clock;
    private final TimeSource time;

    @Inject
    public ClockControlService(AdjustableTime clock, TimeSource time) {
        this.clock = clock;
        this.time = time;
    }

    @Override
    public Instant advance(Duration by, Actor actor) {
        requireAdjustable();
        if (by.isNegative()) {
            throw new InvalidRequestException("seconds", "invalid_duration", "the clock only moves forward");
        }
        clock.advance(by);
        LOG.warning(() -> actor.name() + " moved the test clock forward by " + by);
        return time.now();
    }

    @Override
    public Instant reset(Actor actor) {
        requireAdjustable();
        clock.reset();
        return time.now();
    }

    private void requireAdjustable() {
        if (!clock.adjustable()) {
            throw new NotFoundException("clock control");
        }
    }

    /** For CDI's proxy only. */
    protected ClockControlService() {
        this(null, null);
    }
}
