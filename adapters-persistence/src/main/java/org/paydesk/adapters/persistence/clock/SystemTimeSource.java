package org.paydesk.adapters.persistence.clock;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.paydesk.application.shared.port.out.TimeSource;

/**
 * The system's UTC clock. It lives with persistence because every instant Paydesk keeps is written there, and it
 * has to be in one of the EAR's library jars for the application's beans to see it.
 */
@ApplicationScoped
public class SystemTimeSource implements TimeSource {

    private final Clock clock = Clock.systemUTC();

    @Override
    public Instant now() {
        return clock.instant();
    }
}
