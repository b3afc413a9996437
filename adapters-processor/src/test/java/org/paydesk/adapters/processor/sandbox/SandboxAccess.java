package org.paydesk.adapters.processor.sandbox;

import java.security.SecureRandom;
import java.time.Instant;

/** Builds a sandbox with hand-run collaborators for tests outside the sandbox package. */
public final class SandboxAccess {

    private SandboxAccess() {
    }

    /** A sandbox whose later work never runs and whose clock stands at 2030-06-15. */
    public static SandboxPaymentProcessor sandbox(SandboxSettings settings) {
        return new SandboxPaymentProcessor(settings, (task, delay) -> { }, new RecordingOutcomes(),
                new SecureRandom(), () -> Instant.parse("2030-06-15T12:00:00Z"));
    }
}
