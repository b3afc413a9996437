package org.paydesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-model load: payments start at a constant rate whatever the answers do, and each latency is measured from
 * the moment the payment was <em>due</em> to start, not from when it actually went out. A server that stalls
 * therefore shows every payment that waited behind the stall (no coordinated omission). The schedule runs the
 * warm-up and the measured part back to back; only payments due in the measured part are recorded.
 */
final class OpenLoop {

    /** More payments in flight than this means the target cannot keep up at all: the run stops, reported. */
    private static final int MAX_IN_FLIGHT = 1_000;

    private OpenLoop() {
    }

    /**
     * @param rate payments per second offered
     * @param sent payments started in the measured part
     * @param errors failed payments in the measured part
     * @param lateStarts payments that went out more than 10 ms after they were due (the generator fell behind)
     * @param saturated true when the run stopped because too many payments were in flight
     * @param timeline one entry per second of the measured part: payments answered, the longest latency among
     *     them, payments in flight, and the machine's dirty page cache (a stall shows here, and whether the kernel
     *     was throttling writes)
     */
    record Result(String label, double rate, Duration measured, long sent, long errors, long lateStarts,
            boolean saturated, Histogram latency, String firstError, List<Map<String, Object>> timeline) {

        Latencies.Summary summary() {
            return Latencies.Summary.of(latency);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", label);
            json.put("ratePerSecond", rate);
            json.put("seconds", measured.toMillis() / 1000.0);
            json.put("sent", sent);
            json.put("errors", errors);
            json.put("lateStarts", lateStarts);
            json.put("saturated", saturated);
            json.put("latency", summary().toJson());
            json.put("firstError", firstError);
            json.put("timeline", timeline);
            return json;
        }
    }

    static Result run(String label, PaymentTarget target, SlotQueue slots, double rate, Duration warmup,
            Duration measured) throws InterruptedException {
        Histogram latency = Latencies.newHistogram();
        AtomicLong errors = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong answeredThisSecond = new AtomicLong();
        AtomicLong longestThisSecond = new AtomicLong();
        List<Map<String, Object>> timeline = Collections.synchronizedList(new ArrayList<>());
        long sent = 0;
        long late = 0;
        boolean saturated = false;
        double intervalNanos = 1e9 / rate;
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, target.name() + "-open");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, target.name() + "-timeline");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            long recordFrom = start + warmup.toNanos();
            long end = recordFrom + measured.toNanos();
            clock.scheduleAtFixedRate(() -> {
                Map<String, Object> second = new LinkedHashMap<>();
                second.put("second", timeline.size() + 1);
                second.put("answered", answeredThisSecond.getAndSet(0));
                second.put("longestMs", longestThisSecond.getAndSet(0) / 1000.0);
                second.put("inFlight", inFlight.get());
                second.put("dirtyMb", Math.round(DiskWrites.dirtyMb()));
                timeline.add(second);
            }, recordFrom - System.nanoTime() + TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1),
                    TimeUnit.NANOSECONDS);
            for (long i = 0; ; i++) {
                long due = start + Math.round(i * intervalNanos);
                if (due >= end) {
                    break;
                }
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        throw new InterruptedException("open-model run interrupted");
                    }
                }
                boolean recorded = due >= recordFrom;
                if (recorded && System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(10)) {
                    late++;
                }
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    saturated = true;
                    break;
                }
                PaymentSlot slot = slots.take();
                if (slot == null) {
                    throw new IllegalStateException("the latency run ran out of seeded payments after " + i);
                }
                if (recorded) {
                    sent++;
                }
                inFlight.incrementAndGet();
                pool.execute(() -> {
                    try {
                        target.pay(slot);
                        if (recorded) {
                            long nanos = System.nanoTime() - due;
                            Latencies.record(latency, nanos);
                            answeredThisSecond.incrementAndGet();
                            longestThisSecond.accumulateAndGet(TimeUnit.NANOSECONDS.toMicros(nanos), Math::max);
                        }
                    } catch (Exception failed) {
                        if (recorded) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null,
                                    failed.getClass().getSimpleName() + ": " + failed.getMessage());
                        }
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
            clock.shutdownNow();
        }
        return new Result(label, rate, measured, sent, errors.get(), late, saturated, latency, firstError.get(),
                List.copyOf(timeline));
    }
}
