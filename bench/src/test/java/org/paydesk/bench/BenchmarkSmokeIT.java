package org.paydesk.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The benchmark tool in smoke mode, against the server and EAR this build made, so the tool cannot rot: every
 * measurement must produce a value, and the JDBC baseline must write per payment exactly the rows the API wrote.
 * No speed is asserted. The server runs on port offset 320 (the build passes {@code paydesk.bench.port.offset}),
 * away from the Arquillian server (offset 0) and a full benchmark run (300); the tool stops it whatever happens,
 * and JUnit's timeout interrupts a run that hangs, which stops it too.
 */
class BenchmarkSmokeIT {

    private static Report report;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    static void runTheBenchmarkInSmokeMode() throws Exception {
        report = Benchmark.run(Settings.parse("--smoke"));
    }

    @Test
    void measuresApiAndBaselineThroughputAtEveryConcurrency() {
        List<Executable> checks = new ArrayList<>();
        for (int concurrency : report.settings.concurrencies()) {
            checks.add(() -> {
                ClosedLoop.Result api = report.api(concurrency);
                ClosedLoop.Result baseline = report.baseline(concurrency);
                assertNotNull(api, "API throughput at concurrency " + concurrency);
                assertNotNull(baseline, "baseline throughput at concurrency " + concurrency);
                assertTrue(api.perSecond() > 0, "API payments/s at concurrency " + concurrency);
                assertTrue(baseline.perSecond() > 0, "baseline payments/s at concurrency " + concurrency);
                assertTrue(report.ratio(concurrency) > 0, "ratio at concurrency " + concurrency);
            });
        }
        assertAll(checks);
    }

    @Test
    void measuresLatencyWithTheFastAndTheSlowSandbox() {
        assertTrue(report.latencyRate > 0, "open-model rate");
        for (OpenLoop.Result run : new OpenLoop.Result[] {report.latencyFast, report.latencySlow}) {
            assertNotNull(run, "latency run");
            Latencies.Summary s = run.summary();
            assertAll(run.label(),
                    () -> assertTrue(s.count() > 0, "payments recorded"),
                    () -> assertTrue(s.p50() > 0, "p50"),
                    () -> assertTrue(s.p99() > 0, "p99"),
                    () -> assertTrue(s.p999() > 0, "p99.9"),
                    () -> assertTrue(s.max() > 0, "max"));
        }
        Latencies.Summary added = report.addedLatency();
        assertNotNull(added, "added latency");
        assertFalse(Double.isNaN(added.p50()) || Double.isNaN(added.p99()), "added latency is a number");
    }

    @Test
    void measuresOnePaymentPerInvoiceCountAndTheGrowthExponent() {
        assertNotNull(report.scaling, "scaling");
        assertEquals(report.settings.scalingSizes().size(), report.scaling.points().size(), "one point per size");
        for (Scaling.Point point : report.scaling.points()) {
            assertTrue(point.medianMillis() > 0, "time per payment over " + point.invoices() + " invoices");
        }
        assertFalse(Double.isNaN(report.scaling.lastExponent()), "exponent between the largest sizes");
        assertFalse(Double.isNaN(report.scaling.overallExponent()), "exponent over all sizes");
    }

    @Test
    void measuresTheServersPeakHeapAndRss() {
        assertNotNull(report.memory, "memory");
        assertAll(
                () -> assertTrue(report.memory.samples() > 0, "heap samples"),
                () -> assertTrue(report.memory.peakHeapUsedMb() > 0, "peak heap used"),
                () -> assertTrue(report.memory.peakHeapCommittedMb() > 0, "peak heap committed"),
                () -> assertTrue(report.memory.peakRssMb() > 0, "peak RSS"),
                () -> assertTrue(report.memory.hwmRssMb() > 0, "VmHWM"));
    }

    @Test
    void theBaselineWritesPerPaymentTheRowsTheApiWrote() {
        assertNotNull(report.apiRows, "row counts of the server's database");
        assertNotNull(report.baselineRows, "row counts of the baseline's database");
        assertTrue(report.apiRows.payments() > 0, "the server's database has payments");
        assertTrue(report.baselineRows.payments() > 0, "the baseline's database has payments");
        assertEquals(Map.of(), report.rowDifferences(), "per-payment row counts, API vs JDBC");
    }

    @Test
    void writesTheResultsAndTheChart() {
        Path dir = Path.of(report.runDir);
        assertAll(
                () -> assertTrue(Files.size(dir.resolve("results.json")) > 0, "results.json"),
                () -> assertTrue(Files.readString(dir.resolve("latency.svg")).contains("<polyline"), "latency.svg"),
                () -> assertTrue(Files.readString(dir.resolve("table.md")).contains("Throughput"), "table.md"));
    }
}
