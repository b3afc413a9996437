package org.paydesk.application.shared.port.out;

import java.time.Instant;

/** The current time, injected so no use case reads a hidden clock (and tests can move time). */
public interface TimeSource {

    Instant now();
}
