package org.paydesk.application.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.paydesk.application.notification.port.in.DeliverNotificationsUseCase;
import org.paydesk.application.notification.port.out.MailTransport;
import org.paydesk.application.notification.port.out.Outbox;
import org.paydesk.application.notification.port.out.OutboxEntry;
import org.paydesk.application.shared.port.out.TimeSource;

/**
 * Delivers due outbox entries one by one: claim (a lease), send, mark sent; a failure is retried with a growing
 * delay (2 s, 4 s, … up to 5 minutes) for as long as it takes: a mail is never dropped.
 */
@ApplicationScoped
public class NotificationDeliveryService implements DeliverNotificationsUseCase {

    private static final Logger LOG = Logger.getLogger(NotificationDeliveryService.class.getName());
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final MailTransport transport;
    private final TimeSource time;

    @Inject
    public NotificationDeliveryService(Outbox outbox, MailTransport transport, TimeSource time) {
        this.outbox = outbox;
        this.transport = transport;
        this.time = time;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public int deliverDue() {
        int delivered = 0;
        for (OutboxEntry entry : outbox.due(time.now(), BATCH)) {
            Instant now = time.now();
            if (!outbox.claim(entry.id(), now, now.plus(LEASE))) {
                continue;
            }
            try {
                transport.send(entry.notification());
                outbox.markSent(entry.id(), time.now());
                delivered++;
            } catch (RuntimeException failed) {
                // SMTP down is retried soon; a mail that cannot even be rendered is retried too (slowly, by the same
                // backoff) so it stays visible in the backlog instead of blocking the rest of the batch.
                Instant retryAt = time.now().plus(backoff(entry.attempts() + 1));
                LOG.warning(() -> "mail " + entry.id() + " (" + entry.notification().kind() + ") not delivered, attempt "
                        + (entry.attempts() + 1) + ", retry at " + retryAt + ": " + failed.getMessage());
                outbox.markFailed(entry.id(), time.now(), retryAt, String.valueOf(failed.getMessage()));
            }
        }
        return delivered;
    }

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    /** For CDI's proxy only. */
    protected NotificationDeliveryService() {
        this(null, null, null);
    }
}
