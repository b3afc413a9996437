package org.paydesk.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.Outbox;
import org.paydesk.application.notification.port.out.OutboxEntry;

/**
 * The outbox as a list: every notification enqueued, in order, and a simple delivery state per entry. Services
 * under test run without transactions, so "enqueued" here means "would commit with the change".
 */
public final class InMemoryOutbox implements Outbox {

    private final List<Row> rows = new ArrayList<>();

    /** Every notification enqueued so far, oldest first, delivered or not. */
    public synchronized List<Notification> enqueued() {
        return rows.stream().map(row -> row.notification).toList();
    }

    /** The notifications of one kind enqueued so far, oldest first. */
    public synchronized List<Notification> enqueued(String kind) {
        return rows.stream().map(row -> row.notification).filter(n -> n.kind().equals(kind)).toList();
    }

    @Override
    public synchronized void enqueue(Notification notification, Instant now) {
        rows.add(new Row(rows.size() + 1L, notification, now));
    }

    @Override
    public synchronized List<OutboxEntry> due(Instant now, int limit) {
        return rows.stream().filter(row -> !row.sent && !row.dueAt.isAfter(now)
                && (row.leaseUntil == null || !row.leaseUntil.isAfter(now)))
                .limit(limit).map(row -> new OutboxEntry(row.id, row.notification, row.attempts)).toList();
    }

    @Override
    public synchronized boolean claim(long id, Instant now, Instant leaseUntil) {
        Row row = row(id);
        if (row.sent || row.leaseUntil != null && row.leaseUntil.isAfter(now)) {
            return false;
        }
        row.leaseUntil = leaseUntil;
        return true;
    }

    @Override
    public synchronized void markSent(long id, Instant now) {
        Row row = row(id);
        row.sent = true;
        row.leaseUntil = null;
    }

    @Override
    public synchronized void markFailed(long id, Instant now, Instant retryAt, String error) {
        Row row = row(id);
        row.attempts++;
        row.dueAt = retryAt;
        row.leaseUntil = null;
    }

    @Override
    public synchronized long backlog() {
        return rows.stream().filter(row -> !row.sent).count();
    }

    private Row row(long id) {
        return rows.get((int) id - 1);
    }

    private static final class Row {
        final long id;
        final Notification notification;
        Instant dueAt;
        Instant leaseUntil;
        int attempts;
        boolean sent;

        Row(long id, Notification notification, Instant dueAt) {
            this.id = id;
            this.notification = notification;
            this.dueAt = dueAt;
        }
    }
}
