package org.paydesk.adapters.persistence.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.adapters.persistence.shared.Transactions;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.payment.port.out.ReconciliationQueue;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;

/**
 * The reconciliation queue in table {@code reconciliation_follow_up}, shared by all nodes.
 *
 * <p>Guarantees: a subject has at most one follow-up (constraint {@code uq_follow_up_subject}; {@link #open} adds
 * none when one is there). {@link #open} and {@link #close} only ever join the caller's transaction
 * ({@code MANDATORY}), so a follow-up exists exactly while the subject's unsettled state is committed.
 * {@link #takeDue} commits in a transaction of its own ({@code REQUIRES_NEW}) before it returns; it takes a row by one
 * conditional UPDATE that moves its due time to the lease's end and its version on, and only if the row is still due
 * and at the version it was read at. The database's row lock makes that UPDATE atomic, so of several nodes taking at
 * once each row goes to exactly one; the others change no row and leave it out. A taken row is not due again before
 * the lease ends, so a node that died lets another take it then. {@link #reschedule} joins the caller's transaction,
 * or runs in one of its own when there is none ({@code REQUIRED}); it never reopens a closed follow-up.
 * {@link #unresolved} lists oldest first in a total order (ties broken by id), with the total.
 */
@ApplicationScoped
public class JpaReconciliationQueue implements ReconciliationQueue {

    static final int RESULT_WIDTH = 500;

    private final Transactions transactions;

    @Inject
    JpaReconciliationQueue(Transactions transactions) {
        this.transactions = transactions;
    }

    /** For CDI's proxy only. */
    protected JpaReconciliationQueue() {
        this(null);
    }

    @Override
    public void open(FollowUp.Subject subject, long subjectId, Instant now, Instant dueAt) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(dueAt, "dueAt");
        transactions.inCallersTransaction(em -> {
            if (entity(em, subject, subjectId).isPresent()) {
                return null; // already followed up: its schedule and attempts stay as they are
            }
            em.persist(new FollowUpEntity(subject, subjectId, now, dueAt));
            // Written now: a concurrent open of the same subject waits on this row and fails on uq_follow_up_subject
            // here, at the call, rather than at an unexplained commit.
            em.flush();
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each follow-up comes back as it now stands: due at {@code leaseUntil}, with its attempts unchanged (a check
     * counts when it is recorded by {@link #reschedule}).
     *
     * @throws IllegalArgumentException when the lease does not end after {@code now}: the row would stay due, and
     *     another node could take it at once
     */
    @Override
    public List<FollowUp> takeDue(Instant now, Instant leaseUntil, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (!leaseUntil.isAfter(now)) {
            throw new IllegalArgumentException("a lease must end after now (" + now + "), not at " + leaseUntil);
        }
        if (limit <= 0) {
            return List.of();
        }
        return transactions.inNewTransaction(em -> {
            List<FollowUpEntity> due = em.createQuery("SELECT f FROM FollowUpEntity f WHERE f.dueAt <= :now"
                            + " ORDER BY f.dueAt, f.id", FollowUpEntity.class)
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList();
            // Rows are taken in id order, whatever order each node read them in: two nodes taking the same rows then
            // wait on each other's row locks in the same order and cannot deadlock.
            Map<Long, Boolean> taken = new HashMap<>();
            due.stream().sorted(Comparator.comparing(FollowUpEntity::id)).forEach(row -> taken.put(row.id(),
                    em.createQuery("UPDATE FollowUpEntity f SET f.dueAt = :leaseUntil, f.version = f.version + 1"
                                    + " WHERE f.id = :id AND f.version = :version AND f.dueAt <= :now")
                            .setParameter("leaseUntil", leaseUntil)
                            .setParameter("id", row.id())
                            .setParameter("version", row.version())
                            .setParameter("now", now)
                            .executeUpdate() == 1));
            List<FollowUp> followUps = new ArrayList<>();
            for (FollowUpEntity row : due) {
                if (taken.get(row.id())) {
                    followUps.add(new FollowUp(row.subject(), row.subjectId(), row.attempts(), row.openedAt(),
                            leaseUntil, row.lastResult()));
                }
            }
            return followUps;
        });
    }

    @Override
    public void reschedule(FollowUp.Subject subject, long subjectId, Instant dueAt, String lastResult) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dueAt, "dueAt");
        // One UPDATE, so an attempt is never lost to a concurrent increment; a follow-up closed meanwhile (a webhook
        // settled the subject during the check) matches no row and stays closed.
        transactions.inAnyTransaction(em -> em.createQuery("UPDATE FollowUpEntity f"
                        + " SET f.attempts = f.attempts + 1, f.dueAt = :dueAt, f.lastResult = :lastResult,"
                        + " f.version = f.version + 1 WHERE f.subject = :subject AND f.subjectId = :subjectId")
                .setParameter("dueAt", dueAt)
                .setParameter("lastResult", Columns.truncate(lastResult, RESULT_WIDTH))
                .setParameter("subject", subject)
                .setParameter("subjectId", subjectId)
                .executeUpdate());
    }

    @Override
    public void close(FollowUp.Subject subject, long subjectId) {
        Objects.requireNonNull(subject, "subject");
        transactions.inCallersTransaction(em -> em.createQuery("DELETE FROM FollowUpEntity f"
                        + " WHERE f.subject = :subject AND f.subjectId = :subjectId")
                .setParameter("subject", subject)
                .setParameter("subjectId", subjectId)
                .executeUpdate());
    }

    @Override
    public Page<FollowUp> unresolved(int minAttempts, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return transactions.reading(em -> {
            List<FollowUp> items = em.createQuery("SELECT f FROM FollowUpEntity f WHERE f.attempts >= :min"
                            + " ORDER BY f.openedAt, f.id", FollowUpEntity.class)
                    .setParameter("min", minAttempts)
                    .setFirstResult(page.offset())
                    .setMaxResults(page.size())
                    .getResultList()
                    .stream()
                    .map(FollowUpEntity::toFollowUp)
                    .toList();
            long total = em.createQuery("SELECT COUNT(f) FROM FollowUpEntity f WHERE f.attempts >= :min", Long.class)
                    .setParameter("min", minAttempts)
                    .getSingleResult();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static Optional<FollowUpEntity> entity(EntityManager em, FollowUp.Subject subject, long subjectId) {
        return em.createQuery("SELECT f FROM FollowUpEntity f WHERE f.subject = :subject"
                        + " AND f.subjectId = :subjectId", FollowUpEntity.class)
                .setParameter("subject", subject)
                .setParameter("subjectId", subjectId)
                .getResultList()
                .stream()
                .findFirst();
    }
}
