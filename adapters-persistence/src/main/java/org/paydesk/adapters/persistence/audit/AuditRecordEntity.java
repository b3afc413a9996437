package org.paydesk.adapters.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code audit_record}. Append-only: every column is {@code updatable = false} and the class offers no way
 * to change one, so a record, once written, says forever what it said.
 */
@Entity
@Table(name = "audit_record")
class AuditRecordEntity {

    @Id
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = 255)
    private String actor;

    @Column(name = "origin", nullable = false, updatable = false, length = 255)
    private String origin;

    @Column(name = "action", nullable = false, updatable = false, length = 100)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false, length = 50)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false, length = 100)
    private String subjectId;

    @Column(name = "outcome", nullable = false, updatable = false, length = 50)
    private String outcome;

    @Column(name = "detail", updatable = false, length = 500)
    private String detail;

    protected AuditRecordEntity() {
    }

    AuditRecordEntity(Instant occurredAt, String actor, String origin, String action, String subjectType,
            String subjectId, String outcome, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.origin = origin;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.outcome = outcome;
        this.detail = detail;
    }

    Long id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String actor() {
        return actor;
    }

    String origin() {
        return origin;
    }

    String action() {
        return action;
    }

    String subjectType() {
        return subjectType;
    }

    String subjectId() {
        return subjectId;
    }

    String outcome() {
        return outcome;
    }

    String detail() {
        return detail;
    }
}
