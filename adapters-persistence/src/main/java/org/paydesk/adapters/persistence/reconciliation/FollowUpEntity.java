package org.paydesk.adapters.persistence.reconciliation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.paydesk.application.payment.port.out.FollowUp;

/**
 * A row of {@code reconciliation_follow_up}: one subject to check again. Inserted by
 * {@link JpaReconciliationQueue#open} and afterwards changed only by bulk updates that move the version on, so a node
 * that read the row can take it only if nobody changed it since.
 */
@Entity
@Table(name = "reconciliation_follow_up")
class FollowUpEntity {

    @Id
    @SequenceGenerator(name = "reconciliation_follow_up_seq", sequenceName = "reconciliation_follow_up_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_follow_up_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject", nullable = false, updatable = false, length = 10)
    private FollowUp.Subject subject;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private long subjectId;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "last_result", length = 500)
    private String lastResult;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected FollowUpEntity() {
    }

    /** A new follow-up, not checked yet. */
    FollowUpEntity(FollowUp.Subject subject, long subjectId, Instant openedAt, Instant dueAt) {
        this.subject = subject;
        this.subjectId = subjectId;
        this.openedAt = openedAt;
        this.dueAt = dueAt;
        this.attempts = 0;
    }

    Long id() {
        return id;
    }

    FollowUp.Subject subject() {
        return subject;
    }

    long subjectId() {
        return subjectId;
    }

    int attempts() {
        return attempts;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant dueAt() {
        return dueAt;
    }

    String lastResult() {
        return lastResult;
    }

    long version() {
        return version;
    }

    FollowUp toFollowUp() {
        return new FollowUp(subject, subjectId, attempts, openedAt, dueAt, lastResult);
    }
}
