package org.paydesk.adapters.persistence.notification;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code mail_outbox}. It is written once by {@link JpaOutbox#enqueue}; delivery changes it only through
 * conditional bulk updates (claim, sent, failed), which the database applies atomically, so it needs no version.
 */
@Entity
@Table(name = "mail_outbox")
class MailOutboxEntity {

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "kind", nullable = false, updatable = false, length = 100)
    private String kind;

    @Column(name = "recipient", nullable = false, updatable = false, length = 254)
    private String recipient;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "template_values")
    private String templateValues;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected MailOutboxEntity() {
    }

    /** A new entry, due at once. */
    MailOutboxEntity(String kind, String recipient, String templateValues, Instant createdAt) {
        this.kind = kind;
        this.recipient = recipient;
        this.templateValues = templateValues;
        this.createdAt = createdAt;
        this.attempts = 0;
        this.nextAttemptAt = createdAt;
    }

    Long id() {
        return id;
    }

    String kind() {
        return kind;
    }

    String recipient() {
        return recipient;
    }

    String templateValues() {
        return templateValues;
    }

    Instant createdAt() {
        return createdAt;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant leaseUntil() {
        return leaseUntil;
    }

    Instant sentAt() {
        return sentAt;
    }

    String lastError() {
        return lastError;
    }
}
