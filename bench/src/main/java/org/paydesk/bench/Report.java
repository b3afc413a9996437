package org.paydesk.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one run measured, the targets of issue 3 judged against it, and the two ways it is shown: one table
 * (Markdown, so it can go into the README as printed) and {@code results.json}.
 */
final class Report {

    /** Issue 3: API throughput at least half the baseline's at concurrency 8 and 32. */
    static final double THROUGHPUT_RATIO_TARGET = 0.5;
    static final List<Integer> THROUGHPUT_TARGET_CONCURRENCIES = List.of(8, 32);
    /** Issue 3: added latency at 50 % load. */
    static final double ADDED_P50_TARGET_MS = 10;
    static final double ADDED_P99_TARGET_MS = 50;
    /** Issue 3: linear or better; measured slopes carry noise, so up to 1.1 counts as linear. */
    static final double LINEAR_EXPONENT_LIMIT = 1.1;
    static final double HEAP_TARGET_MB = 512;

    final Settings settings;
    final ZonedDateTime started;
    final String runDir;
    final List<ClosedLoop.Result> api = new ArrayList<>();
    final List<ClosedLoop.Result> baseline = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Bytes the database's process passed to write() per payment in the measured throughput runs, by target. */
    final Map<String, Double> writtenPerPaymentKb = new LinkedHashMap<>();
    /** The H2 file's size after the runs that count rows (API: throughput and 0 ms latency), by target. */
    final Map<String, Double> databaseFileMb = new LinkedHashMap<>();
    /** Share of the machine's CPU other processes used, per measured phase. */
    final Map<String, Double> otherCpu = new LinkedHashMap<>();
    Duration elapsed;
    double latencyRate;
    OpenLoop.Result latencyFast;
    OpenLoop.Result latencySlow;
    Scaling.Result scaling;
    MemorySampler.Peaks memory;
    /** The same, sampled on through the 0 ms latency run that follows on the same server. */
    MemorySampler.Peaks memoryWithLatency;
    RowCounts apiRows;
    RowCounts baselineRows;

    Report(Settings settings, ZonedDateTime started, String runDir) {
        this.settings = settings;
        this.started = started;
        this.runDir = runDir;
    }

    ClosedLoop.Result api(int concurrency) {
        return api.stream().filter(r -> r.concurrency() == concurrency).findFirst().orElse(null);
    }

    ClosedLoop.Result baseline(int concurrency) {
        return baseline.stream().filter(r -> r.concurrency() == concurrency).findFirst().orElse(null);
    }

    double ratio(int concurrency) {
        ClosedLoop.Result a = api(concurrency);
        ClosedLoop.Result b = baseline(concurrency);
        return a == null || b == null || b.perSecond() == 0 ? Double.NaN : a.perSecond() / b.perSecond();
    }

    double bestApiThroughput() {
        return api.stream().mapToDouble(ClosedLoop.Result::perSecond).max().orElse(0);
    }

    /**
     * p50 .. max of the slow run minus the sandbox's delay: what Paydesk adds around a slow processor; null when
     * the slow run recorded no answer at all (it saturated before its measured part).
     */
    Latencies.Summary addedLatency() {
        return latencySlow == null || latencySlow.summary().count() == 0 ? null
                : latencySlow.summary().minus(settings.slowSandbox().toMillis());
    }

    /** Met only by a slow run that kept up with its rate (not saturated) and added little. */
    boolean latencyTargetMet() {
        Latencies.Summary added = addedLatency();
        return added != null && !latencySlow.saturated() && added.p50() <= ADDED_P50_TARGET_MS
                && added.p99() <= ADDED_P99_TARGET_MS;
    }

    Map<String, String> rowDifferences() {
        return apiRows == null || baselineRows == null ? Map.of("row counts", "not measured")
                : RowCounts.differences(apiRows, baselineRows);
    }

    boolean rowCountsMatch() {
        return rowDifferences().isEmpty();
    }

    long apiErrors() {
        long errors = api.stream().mapToLong(ClosedLoop.Result::errors).sum();
        if (latencyFast != null) {
            errors += latencyFast.errors();
        }
        if (latencySlow != null) {
            errors += latencySlow.errors();
        }
        return errors;
    }

    // ---------------------------------------------------------------------------------------------- the table

    String table() {
        List<String[]> rows = new ArrayList<>();
        for (int c : settings.concurrencies()) {
            ClosedLoop.Result a = api(c);
            ClosedLoop.Result b = baseline(c);
            boolean targeted = THROUGHPUT_TARGET_CONCURRENCIES.contains(c);
            rows.add(new String[] {"Throughput, concurrency " + c + " (payments/s)", a == null ? "-" : rate(a),
                b == null ? "-" : rate(b), fmt2(ratio(c)) + " x baseline",
                targeted ? ">= " + fmt2(THROUGHPUT_RATIO_TARGET) + " x baseline" : "-",
                targeted ? met(ratio(c) >= THROUGHPUT_RATIO_TARGET) : ""});
        }
        if (latencyFast != null) {
            rows.add(new String[] {"Latency at " + fmt1(latencyRate) + "/s, sandbox 0 ms (ms)",
                percentiles(latencyFast.summary()), "", latencyNote(latencyFast), "-", ""});
        }
        if (latencySlow != null) {
            rows.add(new String[] {"Latency at " + fmt1(latencyRate) + "/s, sandbox "
                    + settings.slowSandbox().toMillis() + " ms (ms)", percentiles(latencySlow.summary()), "",
                latencyNote(latencySlow), "-", ""});
            Latencies.Summary added = addedLatency();
            rows.add(new String[] {"Added latency: " + settings.slowSandbox().toMillis() + " ms run minus "
                    + settings.slowSandbox().toMillis() + " ms", added == null ? "- (no answer recorded)"
                    : "p50 " + fmt1(added.p50()) + ", p99 " + fmt1(added.p99()) + ", p99.9 " + fmt1(added.p999()),
                "", latencySlow.saturated() ? "ms; the run SATURATED" : "ms",
                "p50 <= " + fmt0(ADDED_P50_TARGET_MS) + ", p99 <= " + fmt0(ADDED_P99_TARGET_MS),
                met(latencyTargetMet())});
        }
        if (scaling != null) {
            StringBuilder sizes = new StringBuilder();
            StringBuilder times = new StringBuilder();
            for (Scaling.Point p : scaling.points()) {
                sizes.append(sizes.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%,d", p.invoices()));
                times.append(times.length() == 0 ? "" : " / ").append(fmt1(p.medianMillis()));
            }
            rows.add(new String[] {"One payment over " + sizes + " invoices (ms, median)", times.toString(), "",
                "oldest first", "-", ""});
            rows.add(new String[] {"Growth exponent " + scaling.lastSpan() + "; all sizes",
                fmt2(scaling.lastExponent()) + "; " + fmt2(scaling.overallExponent()), "", "1 = linear",
                "<= 1 (linear)", met(scaling.lastExponent() <= LINEAR_EXPONENT_LIMIT)});
        }
        if (memory != null) {
            rows.add(new String[] {"Server heap in throughput run: peak used / committed (MB)",
                fmt0(memory.peakHeapUsedMb()) + " / " + fmt0(memory.peakHeapCommittedMb()), "",
                "GC " + fmt1(memory.gcSeconds()) + " s, " + memory.fullGcs() + " full", "<= "
                    + fmt0(HEAP_TARGET_MB) + " MB", met(memory.peakHeapUsedMb() > 0
                    && memory.peakHeapUsedMb() <= HEAP_TARGET_MB)});
            rows.add(new String[] {"Server RSS in throughput run: peak (MB)", fmt0(memory.peakRssMb()), "",
                "VmHWM " + fmt0(memory.hwmRssMb()) + " MB", "-", ""});
        }
        if (!writtenPerPaymentKb.isEmpty()) {
            double api = writtenPerPaymentKb.getOrDefault("api", Double.NaN);
            double jdbc = writtenPerPaymentKb.getOrDefault("jdbc", Double.NaN);
            rows.add(new String[] {"Written to disk per payment (KB, write() bytes of the database's process)",
                fmt0(api), fmt0(jdbc), fmt2(api / jdbc) + " x baseline; H2 file "
                    + fmt0(databaseFileMb.getOrDefault("api", Double.NaN)) + " / "
                    + fmt0(databaseFileMb.getOrDefault("jdbc", Double.NaN)) + " MB", "-", ""});
        }
        if (apiRows != null && baselineRows != null) {
            rows.add(new String[] {"Rows written per payment (counted in both databases)", perPayment(apiRows),
                rowCountsMatch() ? "the same" : perPayment(baselineRows),
                rowCountsMatch() ? "" : "DIFFERENT: " + rowDifferences().keySet(), "the same", met(rowCountsMatch())});
        }
        otherCpu.entrySet().stream().filter(e -> !Double.isNaN(e.getValue())).max(Map.Entry.comparingByValue())
                .ifPresent(worst -> rows.add(new String[] {"CPU used by other processes while measuring (max)",
                    String.format(Locale.ROOT, "%.0f%%", worst.getValue() * 100), "", worst.getKey(),
                    "< " + fmt0(CpuShare.DISTURBED * 100) + "% (quiet machine)",
                    worst.getValue() < CpuShare.DISTURBED ? "yes" : "NO"}));
        String[] header = {"Measurement", "Paydesk API", "JDBC baseline", "Ratio / note", "Target (issue 3)", "Met"};
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Paydesk benchmark, %s, %d cores, Java %s, H2 file (WRITE_DELAY=0),"
                        + " pool %d%s%n%n", started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), settings.poolMax(),
                settings.smoke() ? ", SMOKE RUN (tiny numbers)" : ""));
        out.append(markdown(header, rows));
        for (String note : notes) {
            out.append("\n* ").append(note);
        }
        return out.append('\n').toString();
    }

    private static String markdown(String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        StringBuilder rule = new StringBuilder("|");
        for (int w : widths) {
            rule.append('-').append("-".repeat(w)).append("-|");
        }
        out.append(rule).append('\n');
        for (String[] row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
        }
        out.append('\n');
    }

    private static String rate(ClosedLoop.Result r) {
        return fmt1(r.perSecond()) + (r.errors() > 0 ? " (" + r.errors() + " errors)" : "")
                + (r.ranOut() ? " (ran out)" : "");
    }

    private static String percentiles(Latencies.Summary s) {
        if (s.count() == 0) {
            return "- (no answer recorded)";
        }
        return "p50 " + fmt1(s.p50()) + ", p99 " + fmt1(s.p99()) + ", p99.9 " + fmt1(s.p999()) + ", max "
                + fmt1(s.max());
    }

    private static String latencyNote(OpenLoop.Result r) {
        String note = String.format(Locale.ROOT, "%,d payments", r.sent());
        if (r.errors() > 0) {
            note += ", " + r.errors() + " errors";
        }
        if (r.saturated()) {
            note += ", SATURATED";
        }
        return note;
    }

    private static String perPayment(RowCounts counts) {
        Map<String, Double> per = counts.perPayment();
        List<String> parts = new ArrayList<>();
        String[][] shown = {{"payment", "pay"}, {"payment_allocation", "alloc"}, {"payment_attempt", "attempt"},
            {"idempotency_record", "idem"}, {"audit_record", "audit"}, {"receivable updates", "inv upd"},
            {"payment updates", "pay upd"}, {"payment_attempt updates", "attempt upd"},
            {"idempotency_record updates", "idem upd"}, {"customer updates", "cust upd"}};
        for (String[] s : shown) {
            parts.add(s[1] + " " + trimNumber(per.getOrDefault(s[0], 0.0)));
        }
        return String.join(", ", parts);
    }

    private static String trimNumber(double value) {
        return Math.abs(value - Math.rint(value)) < 0.0005 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String met(boolean met) {
        return met ? "yes" : "NO";
    }

    static String fmt0(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String fmt1(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String fmt2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    // ---------------------------------------------------------------------------------------------- the JSON

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", started.toString());
        json.put("smoke", settings.smoke());
        json.put("elapsedSeconds", elapsed == null ? null : elapsed.toMillis() / 1000.0);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        json.put("machine", machine);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("database", "H2 file, WRITE_DELAY=0 (the server's embedded default)");
        config.put("poolMax", settings.poolMax());
        config.put("concurrencies", settings.concurrencies());
        config.put("warmupSecondsAtLeast", settings.warmup().toMillis() / 1000.0);
        config.put("warmupSecondsAtMost", settings.maxWarmup().toMillis() / 1000.0);
        config.put("secondsPerConcurrency", settings.throughputRun().toMillis() / 1000.0);
        config.put("latencyLoadFraction", settings.load());
        config.put("latencySeconds", settings.latencyRun().toMillis() / 1000.0);
        config.put("slowSandboxMs", settings.slowSandbox().toMillis());
        config.put("invoicesPerPayment", Workload.INVOICES_PER_PAYMENT);
        config.put("scalingSizes", settings.scalingSizes());
        config.put("scalingRepeats", settings.scalingRepeats());
        json.put("settings", config);

        Map<String, Object> throughput = new LinkedHashMap<>();
        List<Object> byConcurrency = new ArrayList<>();
        for (int c : settings.concurrencies()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("concurrency", c);
            one.put("api", api(c) == null ? null : api(c).toJson());
            one.put("baseline", baseline(c) == null ? null : baseline(c).toJson());
            one.put("ratio", ratio(c));
            if (THROUGHPUT_TARGET_CONCURRENCIES.contains(c)) {
                one.put("targetMet", ratio(c) >= THROUGHPUT_RATIO_TARGET);
            }
            byConcurrency.add(one);
        }
        throughput.put("byConcurrency", byConcurrency);
        throughput.put("targetRatio", THROUGHPUT_RATIO_TARGET);
        json.put("throughput", throughput);

        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("ratePerSecond", latencyRate);
        latency.put("sandbox0ms", latencyFast == null ? null : latencyFast.toJson());
        latency.put("sandboxSlow", latencySlow == null ? null : latencySlow.toJson());
        Latencies.Summary added = addedLatency();
        latency.put("addedBySlowSandbox", added == null ? null : added.toJson());
        latency.put("targetMet", latencyTargetMet());
        json.put("latency", latency);

        if (scaling != null) {
            Map<String, Object> s = scaling.toJson();
            s.put("targetMet", scaling.lastExponent() <= LINEAR_EXPONENT_LIMIT);
            json.put("scaling", s);
        }
        if (memory != null) {
            Map<String, Object> m = memory.toJson();
            m.put("targetMet", memory.peakHeapUsedMb() > 0 && memory.peakHeapUsedMb() <= HEAP_TARGET_MB);
            json.put("memory", m);
            json.put("memoryThroughLatencyRun", memoryWithLatency == null ? null : memoryWithLatency.toJson());
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("api", apiRows == null ? null : apiRows.perPayment());
        rows.put("baseline", baselineRows == null ? null : baselineRows.perPayment());
        rows.put("apiTotals", apiRows == null ? null : new LinkedHashMap<>(apiRows.totals()));
        rows.put("baselineTotals", baselineRows == null ? null : new LinkedHashMap<>(baselineRows.totals()));
        rows.put("differences", rowDifferences());
        rows.put("same", rowCountsMatch());
        json.put("rowsPerPayment", rows);
        json.put("writtenPerPaymentKb", writtenPerPaymentKb);
        json.put("databaseFileMb", databaseFileMb);
        json.put("otherProcessesCpuShare", otherCpu);
        json.put("notes", notes);
        return json;
    }
}
