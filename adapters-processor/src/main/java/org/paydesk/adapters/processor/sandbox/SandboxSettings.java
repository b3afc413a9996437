package org.paydesk.adapters.processor.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox times its answers. Refuses negative durations and a retry policy that would never report.
 *
 * @param latency how long each charge call takes, to stand in for a slow processor in benchmarks
 * @param achSettlementDelay how long after the charge an ACH debit settles
 * @param reportAttempts how many times a settlement is reported while Paydesk does not yet know the reference
 * @param reportRetryDelay the pause between those reports
 */
public record SandboxSettings(Duration latency, Duration achSettlementDelay, int reportAttempts,
        Duration reportRetryDelay) {

    /** Config key: milliseconds each charge call takes. */
    public static final String LATENCY_MS = "paydesk.sandbox.latency-ms";
    /** Config key: seconds after which an ACH debit settles. */
    public static final String ACH_SETTLEMENT_SECONDS = "paydesk.sandbox.ach-settlement-seconds";

    static final long DEFAULT_LATENCY_MS = 0;
    static final long DEFAULT_ACH_SETTLEMENT_SECONDS = 5;
    /** Paydesk stores a charge's reference right after the charge call returns; a few seconds is ample. */
    static final int DEFAULT_REPORT_ATTEMPTS = 5;
    static final Duration DEFAULT_REPORT_RETRY_DELAY = Duration.ofSeconds(1);

    public SandboxSettings {
        requireNotNegative(latency, "latency");
        requireNotNegative(achSettlementDelay, "achSettlementDelay");
        requireNotNegative(reportRetryDelay, "reportRetryDelay");
        if (reportAttempts < 1) {
            throw new IllegalArgumentException("reportAttempts must be at least 1: " + reportAttempts);
        }
    }

    /** The settings as configured, with the default retry policy. */
    public static SandboxSettings of(long latencyMillis, long achSettlementSeconds) {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException(LATENCY_MS + " must not be negative: " + latencyMillis);
        }
        if (achSettlementSeconds < 0) {
            throw new IllegalArgumentException(ACH_SETTLEMENT_SECONDS + " must not be negative: "
                    + achSettlementSeconds);
        }
        return new SandboxSettings(Duration.ofMillis(latencyMillis), Duration.ofSeconds(achSettlementSeconds),
                DEFAULT_REPORT_ATTEMPTS, DEFAULT_REPORT_RETRY_DELAY);
    }

    public static SandboxSettings defaults() {
        return of(DEFAULT_LATENCY_MS, DEFAULT_ACH_SETTLEMENT_SECONDS);
    }

    public SandboxSettings withLatency(Duration newLatency) {
        return new SandboxSettings(newLatency, achSettlementDelay, reportAttempts, reportRetryDelay);
    }

    public SandboxSettings withAchSettlementDelay(Duration delay) {
        return new SandboxSettings(latency, delay, reportAttempts, reportRetryDelay);
    }

    public SandboxSettings withReports(int attempts, Duration retryDelay) {
        return new SandboxSettings(latency, achSettlementDelay, attempts, retryDelay);
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
    }
}
