package org.paydesk.application.shared.port.in;

import java.time.Duration;
import java.time.Instant;
import org.paydesk.application.shared.Actor;

/** Test-only control of Paydesk's clock; refused unless the server runs with clock control on. */
public interface ClockControlUseCase {

    /** @throws org.paydesk.application.shared.NotFoundException when clock control is off (as if absent) */
    Instant advance(Duration by, Actor actor);

    /** @throws org.paydesk.application.shared.NotFoundException when clock control is off */
    Instant reset(Actor actor);
}
