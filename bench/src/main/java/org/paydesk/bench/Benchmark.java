package org.paydesk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Paydesk's benchmark (issue 3). It builds nothing and expects the build to have run ({@code bench/run} does
 * both). It starts the provisioned server on a fresh H2 file database, seeds customers and invoices through the
 * API, and measures
 * <ol>
 *   <li><b>throughput</b>: {@code POST /api/v1/payments} paying 3 invoices each, closed loop at concurrency 1, 8
 *       and 32, after a warm-up, while sampling the server's heap and RSS (<b>memory</b>); then, on the same warm
 *       server, <b>latency</b> with an open-model run at half the best throughput, the sandbox answering in 0 ms;</li>
 *   <li>the <b>JDBC baseline</b>: the same rows committed by plain JDBC, one commit per payment, same database
 *       settings, pool and concurrency; and whether the server wrote the same rows per payment (its database,
 *       opened read-only after it stopped, against the baseline's);</li>
 *   <li>latency again at the same rate, after a restart with the sandbox answering in 300 ms;</li>
 *   <li><b>scaling</b>, after another restart: one oldest-first payment over 10 to 10,000 open invoices.</li>
 * </ol>
 * It stops every server it started (also on failure or Ctrl+C), prints one table and writes {@code results.json},
 * {@code table.md}, {@code latency.svg}, the server's GC samples and logs into {@code bench/out/<timestamp>/}.
 */
public final class Benchmark {

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Duration WARMUP_CHUNK = Duration.ofSeconds(10);

    private final Settings settings;
    private final Path runDir;
    private final PrintWriter log;

    private Benchmark(Settings settings, Path runDir, PrintWriter log) {
        this.settings = settings;
        this.runDir = runDir;
        this.log = log;
    }

    /** Flyway's INFO lines would drown the progress lines; held so the setting is not collected. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (Settings.UsageException usage) {
            System.err.println(usage.getMessage());
            System.exit(2);
            return;
        }
        try {
            Report report = run(settings);
            System.out.println();
            System.out.print(report.table());
            System.out.println();
            System.out.println("Results: " + report.runDir);
            System.exit(report.rowCountsMatch() ? 0 : 1);
        } catch (Exception failed) {
            System.err.println("benchmark failed: " + failed);
            failed.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs every measurement; throws when a server cannot start or a measurement cannot be made. */
    static Report run(Settings settings) throws Exception {
        FLYWAY_LOG.setLevel(Level.WARNING);
        requireBuilt(settings);
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path runDir = freshRunDir(settings.outRoot(), started);
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(runDir.resolve("bench.log"),
                StandardCharsets.UTF_8), true)) {
            Benchmark benchmark = new Benchmark(settings, runDir, log);
            Report report = new Report(settings, started, runDir.toString());
            long t0 = System.nanoTime();
            try {
                benchmark.measure(report);
            } catch (Exception | Error failed) {
                String message = Objects.toString(failed.getMessage(), failed.toString());
                report.notes.add("FAILED: " + message.lines().findFirst().orElse(failed.toString()));
                throw failed;
            } finally {
                report.elapsed = Duration.ofNanos(System.nanoTime() - t0);
                benchmark.write(report);
                if (!settings.keepData()) {
                    benchmark.deleteDatabases();
                }
            }
            return report;
        }
    }

    private void measure(Report report) throws Exception {
        say(settings.toString());
        PaydeskServer.Users users = PaydeskServer.Users.random();
        PaydeskServer.Layout layout = PaydeskServer.prepare(settings, runDir, users);
        Path serverData = runDir.resolve("server-data");
        SlotQueue apiSlots = new SlotQueue();

        // 1. API throughput, with the server's memory sampled throughout; then, on the warm server, latency at half
        //    the best throughput with the sandbox answering in 0 ms. All these payments have the same shape.
        try (PaydeskServer server = startServer(layout, serverData, Duration.ZERO, "throughput", users);
                PaydeskApi api = new PaydeskApi(server.apiBase())) {
            ApiPayments target = new ApiPayments(api, users, "API");
            if (settings.jfr()) {
                jcmd(server.pid(), "JFR.start", "name=bench", "settings=profile",
                        "filename=" + runDir.resolve("throughput.jfr"));
            }
            try (MemorySampler memory = MemorySampler.start(server.pid(), runDir.resolve("server-gc.txt"))) {
                during(server, "the throughput runs", () -> throughput(target, apiSlots, report.api, report,
                        server.pid()));
                report.memory = memory.peaks();
                if (settings.jfr()) {
                    jcmd(server.pid(), "JFR.stop", "name=bench");
                    say("server profile: " + runDir.resolve("throughput.jfr"));
                }
                say(String.format(Locale.ROOT, "server memory: heap peak %.0f MB used / %.0f MB committed, RSS peak"
                        + " %.0f MB, GC %.1f s", report.memory.peakHeapUsedMb(), report.memory.peakHeapCommittedMb(),
                        report.memory.peakRssMb(), report.memory.gcSeconds()));
                report.latencyRate = Math.max(1, settings.load() * report.bestApiThroughput());
                during(server, "the latency run", () -> report.latencyFast = latency(target, apiSlots,
                        report.latencyRate, "sandbox 0 ms", report));
                report.memoryWithLatency = memory.finish();
            }
        }
        report.databaseFileMb.put("api", DiskWrites.databaseFileMb(serverData));
        report.apiRows = RowCounts.count(readOnly(serverData));
        say("server database after the throughput and latency runs: " + report.apiRows.totals());

        // 2. The JDBC baseline, with no server running.
        Path baselineData = runDir.resolve("baseline-data");
        try (JdbcBaseline baseline = JdbcBaseline.create(baselineData, settings.poolMax(), "JDBC")) {
            throughput(baseline, new SlotQueue(), report.baseline, report, ProcessHandle.current().pid());
        }
        report.databaseFileMb.put("jdbc", DiskWrites.databaseFileMb(baselineData));
        report.baselineRows = RowCounts.count(H2Database.url(baselineData));
        say("baseline database: " + report.baselineRows.totals());
        report.rowDifferences().forEach((what, difference) -> report.notes.add("Rows per payment differ: " + what
                + ": " + difference));

        // 3. The same rate with the sandbox answering in 300 ms (read at start-up: a restart, so a full warm-up).
        try (PaydeskServer server = startServer(layout, serverData, settings.slowSandbox(), "latency-slow", users);
                PaydeskApi api = new PaydeskApi(server.apiBase())) {
            ApiPayments target = new ApiPayments(api, users, "LAT300");
            during(server, "the warm-up", () -> warmUp(target, apiSlots, settings.warmup(), settings.maxWarmup(),
                    report.bestApiThroughput()));
            during(server, "the slow latency run", () -> report.latencySlow = latency(target, apiSlots,
                    report.latencyRate, "sandbox " + settings.slowSandbox().toMillis() + " ms", report));
        }

        // 4. Scaling, one payment at a time, with the sandbox back at 0 ms.
        try (PaydeskServer server = startServer(layout, serverData, Duration.ZERO, "scaling", users);
                PaydeskApi api = new PaydeskApi(server.apiBase())) {
            ApiPayments target = new ApiPayments(api, users, "SCALE");
            during(server, "the warm-up", () -> warmUp(target, apiSlots, settings.latencyWarmup(),
                    settings.latencyWarmup(), report.bestApiThroughput()));
            say("scaling: " + settings.scalingSizes() + " invoices, " + settings.scalingRepeats() + " payments each");
            CpuShare before = CpuShare.now();
            during(server, "the scaling runs", () -> report.scaling = Scaling.run(target, settings.scalingSizes(),
                    settings.scalingRepeats(), this::say));
            report.otherCpu.put("scaling", CpuShare.now().othersSince(before));
        }
        report.otherCpu.entrySet().stream().filter(e -> !e.getValue().isNaN()).max(Map.Entry.comparingByValue())
                .ifPresent(worst -> {
            if (worst.getValue() > CpuShare.DISTURBED) {
                report.notes.add(String.format(Locale.ROOT, "DISTURBED: other processes used up to %.0f%% of the"
                        + " machine's CPU while measuring (%s); rerun on a quiet machine.", worst.getValue() * 100,
                        worst.getKey()));
            }
        });
        if (report.apiErrors() > 0) {
            report.notes.add(report.apiErrors() + " API payments failed; see results.json (firstError)");
        }
    }

    /** Work that needs the server; when the server died under it, that is what the failure says. */
    private static void during(PaydeskServer server, String phase, Work work) throws Exception {
        try {
            work.run();
        } catch (Exception failed) {
            if (server.isAlive()) {
                throw failed;
            }
            IllegalStateException stopped = server.stoppedDuring(phase);
            stopped.addSuppressed(failed);
            throw stopped;
        }
        if (!server.isAlive()) {
            throw server.stoppedDuring(phase);
        }
    }

    /** A step of the benchmark. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private PaydeskServer startServer(PaydeskServer.Layout layout, Path dataDir, Duration sandboxLatency, String label,
            PaydeskServer.Users users) throws IOException, InterruptedException {
        say("starting the server (" + label + ", sandbox " + sandboxLatency.toMillis() + " ms, HTTP port "
                + settings.httpPort() + ")");
        long start = System.nanoTime();
        PaydeskApi probe = new PaydeskApi(URI.create("http://127.0.0.1:" + settings.httpPort() + "/api/v1/"));
        try {
            PaydeskServer server = PaydeskServer.start(settings, layout, dataDir, sandboxLatency, label,
                    () -> probe.ready(users.integration()));
            say(String.format(Locale.ROOT, "server up in %.1f s (pid %d)", (System.nanoTime() - start) / 1e9,
                    server.pid()));
            return server;
        } finally {
            probe.close();
        }
    }

    /**
     * Warm-up at the highest concurrency, then each concurrency in turn; seeds before each run for three times
     * the payments the best rate so far would make (throughput grows with concurrency and with the JIT's work).
     */
    /**
     * The warm-up, then each concurrency in turn, counting what {@code writer} (the process that holds the
     * database) writes during the measured runs.
     */
    private void throughput(PaymentTarget target, SlotQueue slots, List<ClosedLoop.Result> results, Report report,
            long writer) throws Exception {
        double estimate = warmUp(target, slots, settings.warmup(), settings.maxWarmup(), 0);
        long written = 0;
        double seconds = settings.throughputRun().toNanos() / 1e9;
        for (int concurrency : settings.concurrencies()) {
            seed(target, slots, (int) Math.ceil(Math.max(estimate, 1) * seconds * 3) + 2 * concurrency + 20);
            CpuShare before = CpuShare.now();
            long writtenBefore = DiskWrites.written(writer).orElse(0);
            ClosedLoop.Result result = ClosedLoop.run(target, slots, concurrency, settings.throughputRun());
            written += DiskWrites.written(writer).orElse(writtenBefore) - writtenBefore;
            report.otherCpu.put(target.name() + " concurrency " + concurrency, CpuShare.now().othersSince(before));
            results.add(result);
            estimate = Math.max(estimate, result.perSecond());
            say(String.format(Locale.ROOT, "%s concurrency %d: %.1f payments/s (%d in %.1f s)%s%s", target.name(),
                    concurrency, result.perSecond(), result.payments(), result.elapsed().toMillis() / 1000.0,
                    result.errors() > 0 ? ", " + result.errors() + " errors: " + result.firstError() : "",
                    result.ranOut() ? ", RAN OUT of seeded payments" : ""));
        }
        long payments = results.stream().mapToLong(r -> r.payments() + r.errors()).sum();
        report.writtenPerPaymentKb.put(target.name(), payments == 0 ? Double.NaN : written / 1024.0 / payments);
    }

    /** The open-model run, itself with an unrecorded warm-up at the run's rate. */
    private OpenLoop.Result latency(ApiPayments target, SlotQueue slots, double rate, String label, Report report)
            throws Exception {
        double seconds = (settings.latencyWarmup().toNanos() + settings.latencyRun().toNanos()) / 1e9;
        seed(target, slots, (int) Math.ceil(rate * seconds * 1.05) + 20);
        say(String.format(Locale.ROOT, "latency (%s): %.1f payments/s for %.0f s after %.0f s warm-up", label, rate,
                settings.latencyRun().toMillis() / 1000.0, settings.latencyWarmup().toMillis() / 1000.0));
        CpuShare before = CpuShare.now();
        OpenLoop.Result result = OpenLoop.run(label, target, slots, rate, settings.latencyWarmup(),
                settings.latencyRun());
        report.otherCpu.put("latency, " + label, CpuShare.now().othersSince(before));
        Latencies.Summary s = result.summary();
        say(String.format(Locale.ROOT, "latency (%s): p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f ms; %d sent, %d errors,"
                        + " %d late starts%s", label, s.p50(), s.p99(), s.p999(), s.max(), result.sent(),
                result.errors(), result.lateStarts(), result.saturated() ? ", SATURATED" : ""));
        return result;
    }

    private void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(MemorySampler.jdkTool("jcmd"), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            say("jcmd " + String.join(" ", command) + " failed: " + output.strip());
        }
    }

    /**
     * Closed-loop payments at the highest concurrency, unrecorded, in chunks of at most 10 s: for at least
     * {@code least}, then until two chunks in a row are no more than 3 % faster than the best before them, or
     * {@code most} has passed. A freshly started server's JIT is cold, and on two cores it keeps getting faster
     * for a minute or more.
     *
     * @param estimate payments per second expected, for seeding (0: unknown)
     * @return the best rate seen
     */
    private double warmUp(PaymentTarget target, SlotQueue slots, Duration least, Duration most, double estimate)
            throws Exception {
        int highest = settings.concurrencies().stream().max(Integer::compare).orElseThrow();
        long chunk = Math.min(WARMUP_CHUNK.toNanos(), least.toNanos());
        long start = System.nanoTime();
        double best = 0;
        int stale = 0;
        List<String> rates = new ArrayList<>();
        while (true) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= most.toNanos() || (elapsed >= least.toNanos() && stale >= 2)) {
                break;
            }
            double expected = Math.max(best, estimate);
            seed(target, slots, expected == 0 ? (settings.smoke() ? 200 : 2_000)
                    : (int) Math.ceil(expected * chunk / 1e9 * 3) + 2 * highest);
            ClosedLoop.Result warm = ClosedLoop.run(target, slots, highest, Duration.ofNanos(chunk));
            if (warm.errors() > 0 && warm.payments() == 0) {
                throw new IllegalStateException(target.name() + " fails every payment: " + warm.firstError());
            }
            rates.add(String.format(Locale.ROOT, "%.0f", warm.perSecond()));
            if (warm.perSecond() > best * 1.03) {
                best = warm.perSecond();
                stale = 0;
            } else {
                stale++;
            }
        }
        say(String.format(Locale.ROOT, "%s warm-up at concurrency %d: %.0f s, payments/s per chunk %s",
                target.name(), highest, (System.nanoTime() - start) / 1e9, rates));
        return best;
    }

    private void seed(PaymentTarget target, SlotQueue slots, int needed) throws Exception {
        long start = System.nanoTime();
        int seeded = slots.fillTo(target, needed);
        if (seeded > 0) {
            say(String.format(Locale.ROOT, "%s: seeded %,d payments (%,d invoices) in %.1f s", target.name(), seeded,
                    seeded * Workload.INVOICES_PER_PAYMENT, (System.nanoTime() - start) / 1e9));
        }
    }

    /** The server's database, opened read-only to count; the server is stopped, so the file is closed. */
    private static String readOnly(Path dataDir) {
        return H2Database.readOnlyUrl(dataDir);
    }

    private void write(Report report) {
        try {
            Files.writeString(runDir.resolve("results.json"), Json.write(report.toJson()));
            Files.writeString(runDir.resolve("table.md"), report.table());
            if (report.latencyFast != null) {
                List<LatencyChart.Series> series = new ArrayList<>();
                series.add(new LatencyChart.Series("sandbox 0 ms", report.latencyFast.latency()));
                if (report.latencySlow != null) {
                    series.add(new LatencyChart.Series("sandbox " + settings.slowSandbox().toMillis() + " ms",
                            report.latencySlow.latency()));
                }
                Files.writeString(runDir.resolve("latency.svg"), LatencyChart.svg(String.format(Locale.ROOT,
                        "POST /api/v1/payments at %.1f/s (open model), %s", report.latencyRate,
                        report.started.toLocalDate()), series));
            }
        } catch (IOException failed) {
            say("could not write the results: " + failed);
        }
    }

    private void deleteDatabases() {
        for (String dir : List.of("server-data", "baseline-data", "server/data", "server/tmp", "server/deployments",
                "wildfly")) {
            Path path = runDir.resolve(dir);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException failed) {
                say("could not delete " + path + ": " + failed);
            }
        }
    }

    private void say(String message) {
        String line = LocalTime.now().format(CLOCK) + " " + message;
        System.err.println(line);
        log.println(line);
    }

    private static void requireBuilt(Settings settings) {
        if (!Files.isExecutable(settings.serverHome().resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("no provisioned server in " + settings.serverHome()
                    + ": build first (./mvnw -q install -DskipTests)");
        }
        if (!Files.isRegularFile(settings.earFile())) {
            throw new IllegalStateException("no EAR at " + settings.earFile() + ": build first");
        }
    }

    private static Path freshRunDir(Path outRoot, ZonedDateTime started) throws IOException {
        String name = started.format(FOLDER);
        Path dir = outRoot.resolve(name);
        for (int i = 2; Files.exists(dir); i++) {
            dir = outRoot.resolve(name + "-" + i);
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }
}
