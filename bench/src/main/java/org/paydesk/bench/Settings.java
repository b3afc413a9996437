package org.paydesk.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark run measures and where: sizes, durations, ports and paths. {@link #full} is the run the README
 * shows (about nine minutes on two cores); {@link #smoke} the same measurements with tiny numbers, for the build.
 *
 * @param serverHome the server the build provisioned ({@code ear/target/server}); never modified: the benchmark
 *     runs it with a base directory of its own
 * @param earFile the EAR the build made, deployed unchanged
 * @param outRoot results go to a fresh {@code <outRoot>/<timestamp>/}
 * @param portOffset shifts every server port (HTTP 8080 + offset, management 9990 + offset)
 * @param poolMax the server's connection pool ({@code DB_POOL_MAX}) and the JDBC baseline's
 * @param concurrencies the closed-loop concurrencies
 * @param warmup the shortest closed-loop warm-up at the highest concurrency, before the throughput runs (the
 *     baseline's too) and after the restart for the slow-sandbox run; it goes on in chunks while the rate still
 *     rises (a cold server on two cores takes a minute or more to reach its speed)
 * @param maxWarmup the longest warm-up
 * @param throughputRun how long each concurrency is measured
 * @param load the fraction of the best measured throughput the open-model latency runs offer
 * @param latencyWarmup open-model warm-up after each server start, not recorded
 * @param latencyRun how long each latency run is recorded
 * @param slowSandbox the sandbox's answer time for the second latency run
 * @param scalingSizes open invoices per customer in the scaling runs
 * @param scalingRepeats payments per size; the median is reported
 * @param keepData keep the server's and the baseline's database files after the run
 * @param jfr record a Flight Recorder profile of the server during the throughput runs ({@code throughput.jfr})
 */
record Settings(boolean smoke, Path serverHome, Path earFile, Path outRoot, int portOffset, int poolMax,
        List<Integer> concurrencies, Duration warmup, Duration maxWarmup, Duration throughputRun, double load,
        Duration latencyWarmup,
        Duration latencyRun, Duration slowSandbox, List<Integer> scalingSizes, int scalingRepeats, boolean keepData,
        boolean jfr, Duration startupTimeout) {

    static final int DEFAULT_PORT_OFFSET = 300;
    static final int DEFAULT_POOL_MAX = 32;

    Settings {
        concurrencies = List.copyOf(concurrencies);
        scalingSizes = List.copyOf(scalingSizes);
        if (concurrencies.isEmpty() || concurrencies.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("concurrencies must be positive: " + concurrencies);
        }
        if (load <= 0 || load > 1) {
            throw new IllegalArgumentException("load must be in (0, 1]: " + load);
        }
        if (poolMax < 1 || scalingRepeats < 1 || portOffset < 0) {
            throw new IllegalArgumentException("pool, repeats and port offset must be positive");
        }
    }

    /** The README's run: concurrency 1, 8, 32; 60 s latency runs; 10 to 10,000 invoices. */
    static Settings full(Path root) {
        return new Settings(false, root.resolve("ear/target/server"), root.resolve("ear/target/paydesk.ear"),
                root.resolve("bench/out"), DEFAULT_PORT_OFFSET, DEFAULT_POOL_MAX, List.of(1, 8, 32),
                Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(15), 0.5, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofMillis(300), List.of(10, 100, 1_000, 10_000), 5, false, false,
                Duration.ofSeconds(240));
    }

    /** Every measurement with tiny numbers: a few seconds of measuring, so the tool cannot rot unnoticed. */
    static Settings smoke(Path root) {
        return new Settings(true, root.resolve("ear/target/server"), root.resolve("ear/target/paydesk.ear"),
                root.resolve("bench/out"), DEFAULT_PORT_OFFSET + 20, DEFAULT_POOL_MAX, List.of(1, 8, 32),
                Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ofMillis(1500), 0.5, Duration.ofMillis(500),
                Duration.ofSeconds(2), Duration.ofMillis(300), List.of(10, 100), 3, false, false,
                Duration.ofSeconds(240));
    }

    /**
     * Reads the command line over the defaults. System properties {@code paydesk.bench.server}, {@code .ear},
     * {@code .out} and {@code .port.offset} set the paths and ports first (the build's smoke test uses them).
     */
    static Settings parse(String... args) {
        List<String> list = Arrays.asList(args);
        Path root = projectRoot();
        Builder b = new Builder(list.contains("--smoke") ? smoke(root) : full(root));
        String[][] properties = {{"paydesk.bench.server", "--server"}, {"paydesk.bench.ear", "--ear"},
            {"paydesk.bench.out", "--out"}, {"paydesk.bench.port.offset", "--port-offset"}};
        for (String[] property : properties) {
            String value = System.getProperty(property[0]);
            if (value != null && !value.isBlank()) {
                b.set(property[1], value.strip());
            }
        }
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--smoke" -> { }
                case "--keep-data" -> b.keepData = true;
                case "--jfr" -> b.jfr = true;
                case "--help", "-h" -> throw new UsageException(usage());
                default -> {
                    if (i + 1 >= list.size()) {
                        throw new UsageException("option " + option + " needs a value\n" + usage());
                    }
                    b.set(option, list.get(++i));
                }
            }
        }
        return b.build();
    }

    /** The settings being read, option by option. */
    private static final class Builder {

        private final Settings base;
        private Path serverHome;
        private Path earFile;
        private Path outRoot;
        private int portOffset;
        private int poolMax;
        private List<Integer> concurrencies;
        private Duration warmup;
        private Duration maxWarmup;
        private Duration throughputRun;
        private double load;
        private Duration latencyWarmup;
        private Duration latencyRun;
        private List<Integer> scalingSizes;
        private int scalingRepeats;
        private boolean keepData;
        private boolean jfr;

        Builder(Settings base) {
            this.base = base;
            serverHome = base.serverHome;
            earFile = base.earFile;
            outRoot = base.outRoot;
            portOffset = base.portOffset;
            poolMax = base.poolMax;
            concurrencies = base.concurrencies;
            warmup = base.warmup;
            maxWarmup = base.maxWarmup;
            throughputRun = base.throughputRun;
            load = base.load;
            latencyWarmup = base.latencyWarmup;
            latencyRun = base.latencyRun;
            scalingSizes = base.scalingSizes;
            scalingRepeats = base.scalingRepeats;
            keepData = base.keepData;
            jfr = base.jfr;
        }

        void set(String option, String value) {
            try {
                switch (option) {
                    case "--server" -> serverHome = Path.of(value).toAbsolutePath();
                    case "--ear" -> earFile = Path.of(value).toAbsolutePath();
                    case "--out" -> outRoot = Path.of(value).toAbsolutePath();
                    case "--port-offset" -> portOffset = Integer.parseInt(value);
                    case "--pool" -> poolMax = Integer.parseInt(value);
                    case "--concurrency" -> concurrencies = ints(value);
                    case "--warmup" -> warmup = seconds(value);
                    case "--max-warmup" -> maxWarmup = seconds(value);
                    case "--duration" -> throughputRun = seconds(value);
                    case "--load" -> load = Double.parseDouble(value);
                    case "--latency-warmup" -> latencyWarmup = seconds(value);
                    case "--latency-duration" -> latencyRun = seconds(value);
                    case "--scaling" -> scalingSizes = ints(value);
                    case "--scaling-repeats" -> scalingRepeats = Integer.parseInt(value);
                    default -> throw new UsageException("unknown option " + option + "\n" + usage());
                }
            } catch (NumberFormatException bad) {
                throw new UsageException("option " + option + ": not a number: " + value);
            }
        }

        Settings build() {
            Duration longest = maxWarmup.compareTo(warmup) < 0 ? warmup : maxWarmup;
            return new Settings(base.smoke, serverHome, earFile, outRoot, portOffset, poolMax, concurrencies, warmup,
                    longest, throughputRun, load, latencyWarmup, latencyRun, base.slowSandbox, scalingSizes,
                    scalingRepeats, keepData, jfr, base.startupTimeout);
        }
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    int managementPort() {
        return 9990 + portOffset;
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            out.add(Integer.parseInt(part.strip().replace("_", "")));
        }
        return out;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    /**
     * The Paydesk checkout: the folder holding {@code ear/} and {@code bench/}, found from this class's location
     * ({@code bench/target/...}) or else from the working directory.
     */
    static Path projectRoot() {
        String explicit = System.getProperty("paydesk.bench.root");
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        try {
            Path here = Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("ear")) && Files.isDirectory(p.resolve("bench"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException ignored) {
            // fall back to the working directory
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("ear")) && Files.isDirectory(p.resolve("bench"))) {
                return p;
            }
        }
        return cwd;
    }

    static String usage() {
        return String.join("\n",
                "usage: java -jar bench/target/paydesk-bench.jar [--smoke] [options]",
                "  --smoke                  tiny numbers: every measurement in a few seconds (the build's smoke test)",
                "  --concurrency 1,8,32     closed-loop concurrencies",
                "  --warmup S               shortest closed-loop warm-up (default 30); it goes on while the rate rises",
                "  --max-warmup S           longest closed-loop warm-up (default 120)",
                "  --duration S             seconds per concurrency (default 15)",
                "  --load F                 open-model rate as a fraction of the best throughput (default 0.5)",
                "  --latency-warmup S       open-model warm-up seconds (default 10)",
                "  --latency-duration S     open-model seconds, each of the 0 ms and 300 ms runs (default 60)",
                "  --scaling 10,100,1000,10000   open invoices per customer for the scaling runs",
                "  --scaling-repeats N      payments per size, median reported (default 5)",
                "  --pool N                 server DB_POOL_MAX and baseline pool (default 32)",
                "  --port-offset N          server port offset (default 300: HTTP 8380, management 10290)",
                "  --server DIR --ear FILE  the provisioned server and the EAR (default ear/target/...)",
                "  --out DIR                results folder root (default bench/out)",
                "  --keep-data              keep the H2 database files after the run",
                "  --jfr                    profile the server during the throughput runs (throughput.jfr)");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s run: concurrency %s, warm-up %s-%ss, %ss each, latency %ss at %.0f%%,"
                        + " scaling %s x%d, pool %d, ports +%d", smoke ? "smoke" : "full", concurrencies,
                warmup.toMillis() / 1000.0, maxWarmup.toMillis() / 1000.0, throughputRun.toMillis() / 1000.0,
                latencyRun.toMillis() / 1000.0, load * 100, scalingSizes, scalingRepeats, poolMax, portOffset);
    }

    /** A command line the benchmark cannot run; the message says why. */
    static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message);
        }
    }
}
