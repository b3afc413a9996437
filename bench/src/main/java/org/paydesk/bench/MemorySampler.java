package org.paydesk.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's memory while it is under load: heap used and committed from one long-running
 * {@code jstat -gc <pid> 250} (it reads the JVM's performance counters, so sampling costs the server nothing),
 * resident set size from {@code /proc/<pid>/status} at the same pace, and the kernel's own peak ({@code VmHWM}).
 * jstat's lines are kept in a file, for a look at the garbage collector over time.
 */
final class MemorySampler implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 250;

    private final long pid;
    private final Process jstat;
    private final Path log;
    private final Thread reader;
    private final Thread rssPoller;
    private final AtomicLong peakHeapUsedKb = new AtomicLong();
    private final AtomicLong peakHeapCommittedKb = new AtomicLong();
    private final AtomicLong peakRssKb = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile double firstGcSeconds = -1;
    private volatile double lastGcSeconds;
    private volatile long firstFullGcs = -1;
    private volatile long lastFullGcs;
    private volatile boolean running = true;

    private MemorySampler(long pid, Process jstat, Path log) {
        this.pid = pid;
        this.jstat = jstat;
        this.log = log;
        this.reader = new Thread(this::readJstat, "paydesk-bench-jstat");
        this.rssPoller = new Thread(this::pollRss, "paydesk-bench-rss");
        reader.setDaemon(true);
        rssPoller.setDaemon(true);
        reader.start();
        rssPoller.start();
    }

    /** Starts sampling; jstat's own lines (with seconds since the JVM started) are kept in {@code log}. */
    static MemorySampler start(long pid, Path log) throws IOException {
        Process jstat = new ProcessBuilder(jdkTool("jstat"), "-gc", "-t", Long.toString(pid),
                Long.toString(SAMPLE_MILLIS))
                .redirectErrorStream(true)
                .start();
        return new MemorySampler(pid, jstat, log);
    }

    /** The JDK tool next to the running {@code java}, else the one on the PATH. */
    static String jdkTool(String name) {
        return ProcessHandle.current().info().command()
                .map(java -> Path.of(java).resolveSibling(name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .orElse(name);
    }

    private void readJstat() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.UTF_8));
                BufferedWriter copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            List<String> header = null;
            String line;
            while ((line = lines.readLine()) != null) {
                copy.write(line);
                copy.newLine();
                String[] cells = line.trim().split("\\s+");
                if (cells.length > 0 && cells[0].equals("Timestamp")) {
                    header = List.of(cells);
                    continue;
                }
                if (header == null || cells.length != header.size()) {
                    continue;
                }
                double used = cell(header, cells, "S0U") + cell(header, cells, "S1U") + cell(header, cells, "EU")
                        + cell(header, cells, "OU");
                double committed = cell(header, cells, "S0C") + cell(header, cells, "S1C")
                        + cell(header, cells, "EC") + cell(header, cells, "OC");
                peakHeapUsedKb.accumulateAndGet(Math.round(used), Math::max);
                peakHeapCommittedKb.accumulateAndGet(Math.round(committed), Math::max);
                if (firstGcSeconds < 0) {
                    firstGcSeconds = cell(header, cells, "GCT");
                    firstFullGcs = Math.round(cell(header, cells, "FGC"));
                }
                lastGcSeconds = cell(header, cells, "GCT");
                lastFullGcs = Math.round(cell(header, cells, "FGC"));
                samples.incrementAndGet();
            }
        } catch (IOException | RuntimeException ended) {
            // jstat ended (server stopped or sampler closed)
        }
    }

    private static double cell(List<String> header, String[] cells, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            return 0;
        }
        try {
            return Double.parseDouble(cells[at]);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private void pollRss() {
        while (running) {
            statusKb(pid, "VmRSS").ifPresent(kb -> peakRssKb.accumulateAndGet(kb, Math::max));
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, e.g. VmRSS or VmHWM. */
    static Optional<Long> statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux, or the process is gone
        }
        return Optional.empty();
    }

    /**
     * What was seen while sampling.
     *
     * @param peakHeapUsedMb the most heap in use at a sample (young + old generations)
     * @param peakHeapCommittedMb the most heap the JVM had reserved
     * @param peakRssMb the largest resident set seen while sampling
     * @param hwmRssMb the kernel's peak resident set of the process since it started ({@code VmHWM})
     * @param gcSeconds time the server spent in garbage collection while sampling
     * @param fullGcs full collections while sampling
     * @param samples how many heap samples were taken
     */
    record Peaks(double peakHeapUsedMb, double peakHeapCommittedMb, double peakRssMb, double hwmRssMb,
            double gcSeconds, long fullGcs, long samples) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("peakHeapUsedMb", peakHeapUsedMb);
            json.put("peakHeapCommittedMb", peakHeapCommittedMb);
            json.put("peakRssMb", peakRssMb);
            json.put("vmHwmMb", hwmRssMb);
            json.put("gcSeconds", gcSeconds);
            json.put("fullGcs", fullGcs);
            json.put("heapSamples", samples);
            return json;
        }
    }

    /** The peaks so far; sampling goes on. */
    Peaks peaks() {
        long hwm = statusKb(pid, "VmHWM").orElse(0L);
        boolean sampled = firstGcSeconds >= 0;
        return new Peaks(peakHeapUsedKb.get() / 1024.0, peakHeapCommittedKb.get() / 1024.0, peakRssKb.get() / 1024.0,
                hwm / 1024.0, sampled ? lastGcSeconds - firstGcSeconds : 0, sampled ? lastFullGcs - firstFullGcs : 0,
                samples.get());
    }

    /** Stops sampling and returns the peaks. */
    Peaks finish() {
        Peaks peaks = peaks();
        running = false;
        rssPoller.interrupt();
        jstat.destroy();
        try {
            jstat.waitFor(5, TimeUnit.SECONDS);
            reader.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return peaks;
    }

    @Override
    public void close() {
        running = false;
        jstat.destroyForcibly();
    }
}
