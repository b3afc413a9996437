package org.paydesk.application.notification.port.out;

import java.time.Instant;
import java.util.List;
import org.paydesk.application.notification.Notification;

/**
 * The transactional outbox: {@link #enqueue} joins the caller's transaction, so a notification exists exactly when
 * the change it reports committed. Delivery claims entries with a lease, so several nodes never send one twice
 * at the same time.
 */
public interface Outbox {

    void enqueue(Notification notification, Instant now);

    /** Entries due for (re)delivery at {@code now}, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    /** Takes the entry for delivery until {@code leaseUntil}; false when another deliverer holds it or it is sent. */
    boolean claim(long id, Instant now, Instant leaseUntil);

    /** Delivered: the entry is kept for the record, its values (which may hold a link's secret) are erased. */
    void markSent(long id, Instant now);

    /** Not delivered: try again at {@code retryAt}. */
    void markFailed(long id, Instant now, Instant retryAt, String error);

    /** Entries not yet delivered. */
    long backlog();
}
