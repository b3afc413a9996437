package org.paydesk.adapters.processor.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A scheduler that only queues: the test decides when time has passed and runs what was due. */
final class ManualScheduler implements SettlementScheduler {

    private final Deque<Scheduled> queue = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        queue.add(new Scheduled(task, delay));
        delays.add(delay);
    }

    /** Runs the oldest waiting task; what it schedules waits for a later call. */
    void runNext() {
        Scheduled next;
        synchronized (this) {
            if (queue.isEmpty()) {
                throw new AssertionError("nothing was scheduled");
            }
            next = queue.poll();
        }
        next.task().run();
    }

    /** Runs tasks, including those they schedule, until none is left; returns how many ran. */
    int runAll() {
        int ran = 0;
        while (pending() > 0) {
            runNext();
            ran++;
            if (ran > 1_000) {
                throw new AssertionError("tasks keep rescheduling themselves");
            }
        }
        return ran;
    }

    synchronized int pending() {
        return queue.size();
    }

    /** Every delay ever asked for, in order. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    private record Scheduled(Runnable task, Duration delay) {
    }
}
