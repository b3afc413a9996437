package org.paydesk.adapters.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paydesk.application.notification.port.in.DeliverNotificationsUseCase;

/**
 * Delivers the outbox every {@code paydesk.mail.poll-millis} (one second by default) from application start to
 * application stop, on the server's managed scheduler. A failed round is logged and the next one runs as planned:
 * nothing stops the schedule but the application stopping. Rounds never overlap: the next one is planned when the
 * last one ends.
 */
@ApplicationScoped
public class OutboxDeliveryTimer {

    /** Config key: milliseconds between the end of one delivery round and the start of the next. */
    static final String POLL_MILLIS = "paydesk.mail.poll-millis";
    static final String DEFAULT_POLL_MILLIS = "1000";
    /**
     * The default managed scheduler's global name in WildFly; a global name resolves the same from the EAR's library
     * jars, which have no component namespace.
     */
    static final String DEFAULT_SCHEDULER = "java:jboss/ee/concurrency/scheduler/default";

    private static final Logger LOG = Logger.getLogger(OutboxDeliveryTimer.class.getName());

    @Resource(lookup = DEFAULT_SCHEDULER)
    private ManagedScheduledExecutorService scheduler;

    private final DeliverNotificationsUseCase delivery;
    private final long pollMillis;
    private ScheduledFuture<?> rounds;

    @Inject
    public OutboxDeliveryTimer(DeliverNotificationsUseCase delivery,
            @ConfigProperty(name = POLL_MILLIS, defaultValue = DEFAULT_POLL_MILLIS) long pollMillis) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        if (pollMillis < 1) {
            throw new IllegalArgumentException(POLL_MILLIS + " must be at least 1: " + pollMillis);
        }
        this.pollMillis = pollMillis;
    }

    /** With a scheduler of the test's own. */
    OutboxDeliveryTimer(ManagedScheduledExecutorService scheduler, DeliverNotificationsUseCase delivery,
            long pollMillis) {
        this(delivery, pollMillis);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** For CDI's proxy only. */
    protected OutboxDeliveryTimer() {
        this.delivery = null;
        this.pollMillis = 0;
    }

    /**
     * Starts the rounds when the application starts. In an EAR every module's start fires this event; the rounds are
     * started once.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        startRounds();
    }

    synchronized void startRounds() {
        if (rounds != null) {
            return;
        }
        rounds = scheduler.scheduleWithFixedDelay(this::deliverOnce, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        LOG.info(() -> "outbox delivery every " + pollMillis + " ms started");
    }

    @PreDestroy
    synchronized void stop() {
        if (rounds != null) {
            rounds.cancel(false);
            rounds = null;
            LOG.info("outbox delivery stopped");
        }
    }

    /** One round; whatever it throws is logged and kept from the scheduler, which would otherwise stop. */
    void deliverOnce() {
        try {
            int delivered = delivery.deliverDue();
            if (delivered > 0) {
                LOG.fine(() -> "outbox delivery: " + delivered + " sent");
            }
        } catch (Throwable failed) { // even an Error: one escaping would silently end the schedule
            LOG.log(Level.WARNING, "outbox delivery round failed; the next round runs as planned", failed);
        }
    }
}
