package org.paydesk.application.fake;

import java.time.Duration;
import java.time.Instant;
import org.paydesk.application.shared.port.out.TimeSource;

/** A clock that stands still until the test moves it. */
public final class SettableTimeSource implements TimeSource {

    private Instant now;

    public SettableTimeSource(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public Instant advance(Duration duration) {
        now = now.plus(duration);
        return now;
    }
}
