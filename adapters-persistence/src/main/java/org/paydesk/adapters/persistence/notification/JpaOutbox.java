package org.paydesk.adapters.persistence.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.Outbox;
import org.paydesk.application.notification.port.out.OutboxEntry;

/**
 * The mail outbox in table {@code mail_outbox}.
 *
 * <p>Guarantees: {@link #enqueue} only ever joins the caller's transaction ({@code MANDATORY}, and refused without
 * one), so an entry exists exactly when the change it reports committed. {@link #claim}, {@link #markSent} and
 * {@link #markFailed} each commit in a transaction of their own ({@code REQUIRES_NEW}) before they return, whatever
 * the caller does. A claim is one conditional UPDATE, so of several deliverers (threads or nodes) at most one holds
 * an entry at a time, until its lease runs out; an entry rescheduled by a failure is not claimable before its retry
 * time. Once sent, an entry is never claimed again and its values (which may hold a link's secret) are erased; a
 * late failure report cannot reopen it.
 */
@ApplicationScoped
public class JpaOutbox implements Outbox {

    static final int ERROR_WIDTH = 500;

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaOutbox() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaOutbox(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Notification notification, Instant now) {
        if (!em.isJoinedToTransaction()) {
            // The interceptor refuses this in the container already; the check keeps the promise wherever it runs:
            // a mail written outside the change's transaction could go out for a change that rolled back.
            throw new IllegalStateException("a notification is enqueued only in the transaction of its change");
        }
        em.persist(new MailOutboxEntity(notification.kind(), notification.recipient(),
                TemplateValues.encode(notification.values()), now));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxEntry> due(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return em.createQuery("SELECT e FROM MailOutboxEntity e WHERE e.sentAt IS NULL AND e.nextAttemptAt <= :now"
                        + " AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)"
                        + " ORDER BY e.createdAt, e.id", MailOutboxEntity.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(entity -> new OutboxEntry(entity.id(), new Notification(entity.kind(), entity.recipient(),
                        TemplateValues.decode(entity.templateValues())), entity.attempts()))
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(long id, Instant now, Instant leaseUntil) {
        // The database row lock makes the UPDATE atomic: of two deliverers claiming one entry, the second finds the
        // lease already set (until the future) and changes no row. Its retry time is checked again here, because
        // another deliverer may have failed and rescheduled it since the caller read it as due.
        int changed = em.createQuery("UPDATE MailOutboxEntity e SET e.leaseUntil = :leaseUntil"
                        + " WHERE e.id = :id AND e.sentAt IS NULL AND e.nextAttemptAt <= :now"
                        + " AND (e.leaseUntil IS NULL OR e.leaseUntil < :now)")
                .setParameter("leaseUntil", leaseUntil)
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate();
        return changed == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markSent(long id, Instant now) {
        em.createQuery("UPDATE MailOutboxEntity e SET e.sentAt = :now, e.templateValues = NULL, e.leaseUntil = NULL"
                        + " WHERE e.id = :id AND e.sentAt IS NULL")
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFailed(long id, Instant now, Instant retryAt, String error) {
        em.createQuery("UPDATE MailOutboxEntity e SET e.attempts = e.attempts + 1, e.nextAttemptAt = :retryAt,"
                        + " e.leaseUntil = NULL, e.lastError = :error WHERE e.id = :id AND e.sentAt IS NULL")
                .setParameter("retryAt", retryAt)
                .setParameter("error", Columns.truncate(error, ERROR_WIDTH))
                .setParameter("id", id)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long backlog() {
        return em.createQuery("SELECT COUNT(e) FROM MailOutboxEntity e WHERE e.sentAt IS NULL", Long.class)
                .getSingleResult();
    }
}
