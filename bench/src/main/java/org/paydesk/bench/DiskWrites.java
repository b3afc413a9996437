package org.paydesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What a process and the machine write to disk (Linux {@code /proc}): the bytes a process handed to
 * {@code write()} ({@code wchar} of {@code /proc/<pid>/io}) and the page cache's dirty bytes waiting to be written
 * ({@code Dirty} of {@code /proc/meminfo}). H2 with {@code WRITE_DELAY=0} writes a new chunk of copied B-tree
 * pages at every commit, so bytes written per payment say how hard the database is worked; and once the dirty
 * bytes reach the kernel's limit, writers are throttled, which shows as a sudden, lasting slowdown.
 */
final class DiskWrites {

    private DiskWrites() {
    }

    /** Bytes the process has passed to write() since it started, if /proc tells. */
    static OptionalLong written(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("wchar:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).strip()));
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux, or no permission
        }
        return OptionalLong.empty();
    }

    /** Dirty page-cache megabytes (not yet written to disk), or -1. */
    static double dirtyMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("Dirty:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux
        }
        return -1;
    }

    /** Size in megabytes of the H2 file in a data directory, or -1. */
    static double databaseFileMb(Path dataDir) {
        try {
            return Files.size(dataDir.resolve("paydesk.mv.db")) / (1024.0 * 1024.0);
        } catch (IOException missing) {
            return -1;
        }
    }
}
