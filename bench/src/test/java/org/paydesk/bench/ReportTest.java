package org.paydesk.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void aSlowRunThatKeptUpAndAddedLittleMeetsTheLatencyTarget() {
        Report report = report(run(false, 305, 340));
        assertTrue(report.latencyTargetMet());
    }

    @Test
    void aSaturatedSlowRunNeverMeetsTheLatencyTarget() {
        Report report = report(run(true, 305, 340));
        assertFalse(report.latencyTargetMet());
        assertTrue(report.table().contains("SATURATED"));
    }

    @Test
    void aSlowRunWithNoAnswerHasNoAddedLatencyAndMissesTheTarget() {
        Report report = report(run(true));
        assertNull(report.addedLatency());
        assertFalse(report.latencyTargetMet());
        assertTrue(report.table().contains("no answer recorded"));
    }

    private static Report report(OpenLoop.Result slow) {
        Report report = new Report(Settings.smoke(Settings.projectRoot()), ZonedDateTime.now(), "out");
        report.latencyRate = 10;
        report.latencyFast = run(false, 5, 9);
        report.latencySlow = slow;
        return report;
    }

    private static OpenLoop.Result run(boolean saturated, long... millis) {
        Histogram histogram = Latencies.newHistogram();
        for (long ms : millis) {
            Latencies.record(histogram, Duration.ofMillis(ms).toNanos());
        }
        return new OpenLoop.Result("test", 10, Duration.ofSeconds(1), millis.length, 0, 0, saturated, histogram,
                null, List.of());
    }
}
