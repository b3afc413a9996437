package org.paydesk.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox timer delivers every poll interval from application start to stop, on the server's managed scheduler,
 * and a failing round never ends the schedule. A real scheduled executor stands in for the managed one: it stops a
 * periodic task for good the first time the task throws, as the managed one does.
 */
class OutboxDeliveryTimerTest {

    private static final long POLL_MILLIS = 10;

    static {
        LogCapture.quiet();
    }

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final List<String> scheduled = new ArrayList<>();
    private final ManagedScheduledExecutorService managed = managed(executor, scheduled);
    private final AtomicInteger rounds = new AtomicInteger();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void once_started_it_delivers_every_poll_interval_with_a_fixed_delay_so_rounds_never_overlap() throws Exception {
        OutboxDeliveryTimer timer = new OutboxDeliveryTimer(managed, rounds::incrementAndGet, POLL_MILLIS);

        timer.start(new Object());

        assertTrue(waitFor(() -> rounds.get() >= 5), "rounds so far: " + rounds.get());
        assertEquals(List.of("scheduleWithFixedDelay 10 10 MILLISECONDS"), scheduled);
    }

    @Test
    void nothing_is_delivered_before_the_application_starts() throws Exception {
        new OutboxDeliveryTimer(managed, rounds::incrementAndGet, POLL_MILLIS);

        Thread.sleep(10 * POLL_MILLIS);

        assertEquals(0, rounds.get());
        assertTrue(scheduled.isEmpty());
    }

    @Test
    void a_round_that_throws_is_logged_and_the_next_rounds_still_run() throws Exception {
        OutboxDeliveryTimer timer = new OutboxDeliveryTimer(managed, () -> {
            int round = rounds.incrementAndGet();
            if (round == 1) {
                throw new IllegalStateException("database unavailable");
            }
            if (round == 2) {
                throw new AssertionError("even an error");
            }
            return 0;
        }, POLL_MILLIS);
        try (LogCapture log = new LogCapture()) {
            timer.start(new Object());

            assertTrue(waitFor(() -> rounds.get() >= 4), "rounds so far: " + rounds.get());
            List<String> failures = log.lines().stream().filter(line -> line.contains("round failed")).toList();
            assertEquals(2, failures.size(), log.lines()::toString);
            assertTrue(failures.get(0).startsWith("WARNING "), failures.get(0));
            assertTrue(failures.get(0).contains("database unavailable"), failures.get(0));
        }
    }

    @Test
    void every_module_of_the_ear_announcing_its_start_still_makes_one_schedule() throws Exception {
        OutboxDeliveryTimer timer = new OutboxDeliveryTimer(managed, rounds::incrementAndGet, POLL_MILLIS);

        timer.start(new Object());
        timer.start("the web module's ServletContext");

        assertEquals(1, scheduled.size(), scheduled::toString);
    }

    @Test
    void stopping_ends_the_rounds() throws Exception {
        OutboxDeliveryTimer timer = new OutboxDeliveryTimer(managed, rounds::incrementAndGet, POLL_MILLIS);
        timer.start(new Object());
        assertTrue(waitFor(() -> rounds.get() >= 1));

        timer.stop();
        Thread.sleep(3 * POLL_MILLIS); // a round under way when stop was called may still finish
        int afterStop = rounds.get();
        Thread.sleep(10 * POLL_MILLIS);

        assertEquals(afterStop, rounds.get());
    }

    @Test
    void a_poll_interval_below_one_millisecond_is_refused_naming_its_key() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new OutboxDeliveryTimer(managed, rounds::incrementAndGet, 0));

        assertTrue(refused.getMessage().startsWith("paydesk.mail.poll-millis "), refused.getMessage());
    }

    @Test
    void the_container_starts_it_with_the_application_stops_it_before_destroying_it_and_injects_its_parts()
            throws Exception {
        Method start = OutboxDeliveryTimer.class.getDeclaredMethod("start", Object.class);
        Method stop = OutboxDeliveryTimer.class.getDeclaredMethod("stop");
        Resource resource = OutboxDeliveryTimer.class.getDeclaredField("scheduler").getAnnotation(Resource.class);

        assertTrue(start.getParameters()[0].isAnnotationPresent(Observes.class));
        assertEquals(ApplicationScoped.class,
                start.getParameters()[0].getAnnotation(Initialized.class).value());
        assertTrue(stop.isAnnotationPresent(PreDestroy.class));
        assertNotNull(resource);
        assertEquals("java:jboss/ee/concurrency/scheduler/default", resource.lookup());
        assertTrue(OutboxDeliveryTimer.class.isAnnotationPresent(ApplicationScoped.class));
        assertTrue(Modifier.isProtected(OutboxDeliveryTimer.class.getDeclaredConstructor().getModifiers()));
        assertEquals(List.of("paydesk.mail.poll-millis=1000"), MailWiringTest.configKeys(OutboxDeliveryTimer.class));
        assertFalse(Modifier.isPrivate(start.getModifiers()), "Weld calls it on the bean");
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** A managed scheduler that hands every call to {@code executor} and notes the schedules asked for. */
    private static ManagedScheduledExecutorService managed(ScheduledExecutorService executor, List<String> scheduled) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(OutboxDeliveryTimerTest.class.getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("schedule")) {
                        StringBuilder call = new StringBuilder(method.getName());
                        for (int i = 1; i < args.length; i++) {
                            call.append(' ').append(args[i]);
                        }
                        synchronized (scheduled) {
                            scheduled.add(call.toString());
                        }
                    }
                    try {
                        return ScheduledExecutorService.class.getMethod(method.getName(), method.getParameterTypes())
                                .invoke(executor, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }
}
