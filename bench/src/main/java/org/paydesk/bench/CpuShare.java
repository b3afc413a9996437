package org.paydesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How much of the machine's CPU went to processes other than the benchmark and the server it started, between
 * two moments (Linux {@code /proc}). A benchmark on a shared machine is only as good as this number is small, so
 * every measured phase records it and the report flags a disturbed run.
 */
final class CpuShare {

    /** More than this share of the machine used by others during a phase makes the run "disturbed". */
    static final double DISTURBED = 0.10;

    private final long busy;
    private final long total;
    private final Map<Long, Long> ours;

    private CpuShare(long busy, long total, Map<Long, Long> ours) {
        this.busy = busy;
        this.total = total;
        this.ours = ours;
    }

    /** The machine's and our processes' CPU time now: this JVM and everything it started. */
    static CpuShare now() {
        long[] machine = machine();
        Map<Long, Long> ours = new HashMap<>();
        ProcessHandle self = ProcessHandle.current();
        ours.put(self.pid(), ticks(self.pid()));
        self.descendants().forEach(child -> ours.put(child.pid(), ticks(child.pid())));
        return new CpuShare(machine[0], machine[1], ours);
    }

    /**
     * The share of all cores that other processes used since {@code start}, 0 to 1; NaN where {@code /proc} is
     * not there to ask.
     */
    double othersSince(CpuShare start) {
        long totalDelta = total - start.total;
        if (totalDelta <= 0) {
            return Double.NaN;
        }
        long oursDelta = 0;
        for (Map.Entry<Long, Long> process : ours.entrySet()) {
            oursDelta += Math.max(0, process.getValue() - start.ours.getOrDefault(process.getKey(), 0L));
        }
        long othersDelta = Math.max(0, busy - start.busy - oursDelta);
        return (double) othersDelta / totalDelta;
    }

    /** {busy, total} clock ticks of all cores, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
            long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
            long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {0, 0};
        }
    }

    /** User plus system clock ticks of one process (fields 14 and 15 of /proc/pid/stat); 0 once it is gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
