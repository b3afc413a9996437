package org.paydesk.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds (HdrHistogram, 3 significant digits) and their summary. */
final class Latencies {

    /** Longer than any answer the benchmark waits for; a longer value is recorded as this. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private Latencies() {
    }

    static Histogram newHistogram() {
        return new ConcurrentHistogram(HIGHEST_MICROS, 3);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    /** A percentile in milliseconds. */
    static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * The summary that goes into the report: p50, p99, p99.9 and max.
     *
     * @param p50 median, ms
     * @param p99 ms
     * @param p999 ms
     * @param max ms
     * @param count recorded values
     */
    record Summary(double p50, double p99, double p999, double max, long count) {

        static Summary of(Histogram histogram) {
            return new Summary(millis(histogram, 50), millis(histogram, 99), millis(histogram, 99.9),
                    histogram.getMaxValue() / 1000.0, histogram.getTotalCount());
        }

        Summary minus(double millis) {
            return new Summary(p50 - millis, p99 - millis, p999 - millis, max - millis, count);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("p50Ms", p50);
            json.put("p99Ms", p99);
            json.put("p999Ms", p999);
            json.put("maxMs", max);
            json.put("count", count);
            return json;
        }
    }
}
