package org.paydesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: {@code concurrency} workers, each making its next payment as soon as the previous one answered.
 * Throughput counts the payments that completed within the measured window, divided by the window; a run also
 * stops early when the seeded payments run out (then the window is as long as it lasted).
 */
final class ClosedLoop {

    /** A worker gives up on its run after this many failures in a row: the target is down. */
    private static final int FAILURES_IN_A_ROW_TO_GIVE_UP = 20;

    private ClosedLoop() {
    }

    /**
     * @param payments successful payments that ended inside the window
     * @param errors failed payments
     * @param elapsed the measured window
     * @param ranOut true when the seeded payments ran out before the window ended
     * @param firstError the first failure's message, or null
     */
    record Result(String target, int concurrency, long payments, long errors, Duration elapsed, boolean ranOut,
            Histogram latency, String firstError) {

        double perSecond() {
            return elapsed.toNanos() == 0 ? 0 : payments * 1e9 / elapsed.toNanos();
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("concurrency", concurrency);
            json.put("paymentsPerSecond", perSecond());
            json.put("payments", payments);
            json.put("errors", errors);
            json.put("seconds", elapsed.toMillis() / 1000.0);
            json.put("ranOutOfSeededPayments", ranOut);
            json.put("latency", Latencies.Summary.of(latency).toJson());
            json.put("firstError", firstError);
            return json;
        }
    }

    static Result run(PaymentTarget target, SlotQueue slots, int concurrency, Duration duration)
            throws InterruptedException {
        Histogram latency = Latencies.newHistogram();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean ranOut = new AtomicBoolean();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                int failuresInARow = 0;
                while (System.nanoTime() < deadline && failuresInARow < FAILURES_IN_A_ROW_TO_GIVE_UP) {
                    PaymentSlot slot = slots.take();
                    if (slot == null) {
                        ranOut.set(true);
                        return;
                    }
                    long begin = System.nanoTime();
                    try {
                        target.pay(slot);
                        long end = System.nanoTime();
                        failuresInARow = 0;
                        if (end <= deadline) {
                            done.incrementAndGet();
                            lastEnd.accumulateAndGet(end, Math::max);
                            Latencies.record(latency, end - begin);
                        }
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception failed) {
                        failuresInARow++;
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, failed.getClass().getSimpleName() + ": " + failed.getMessage());
                    }
                }
            }, target.name() + "-closed-" + w);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long end = ranOut.get() ? Math.max(lastEnd.get(), start + 1) : deadline;
        return new Result(target.name(), concurrency, done.get(), errors.get(), Duration.ofNanos(end - start),
                ranOut.get(), latency, firstError.get());
    }
}
