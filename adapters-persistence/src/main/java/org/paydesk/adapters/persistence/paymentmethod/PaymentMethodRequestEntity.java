package org.paydesk.adapters.persistence.paymentmethod;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A row of {@code payment_method_request}. Who it went to, its secret's hash and its lifetime never change; what
 * happened to the link since (opened, completed, revoked) does, and the version moves with it.
 */
@Entity
@Table(name = "payment_method_request")
class PaymentMethodRequestEntity {

    @Id
    @SequenceGenerator(name = "payment_method_request_seq", sequenceName = "payment_method_request_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_method_request_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(name = "recipient_email", nullable = false, updatable = false, length = 254)
    private String recipientEmail;

    @Column(name = "secret_hash", nullable = false, updatable = false, length = 64)
    private String secretHash;

    @Column(name = "sent_by", nullable = false, updatable = false, length = 255)
    private String sentBy;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_with")
    private Long completedWith;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 255)
    private String revokedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PaymentMethodRequestEntity() {
    }

    PaymentMethodRequestEntity(long id, long customerId, String recipientEmail, String secretHash, String sentBy,
            Instant sentAt, Instant expiresAt) {
        this.id = id;
        this.customerId = customerId;
        this.recipientEmail = recipientEmail;
        this.secretHash = secretHash;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
        this.expiresAt = expiresAt;
    }

    void changeProgress(Instant openedAt, Instant completedAt, Long completedWith, Instant revokedAt,
            String revokedBy) {
        this.openedAt = openedAt;
        this.completedAt = completedAt;
        this.completedWith = completedWith;
        this.revokedAt = revokedAt;
        this.revokedBy = revokedBy;
    }

    long id() {
        return id;
    }

    long customerId() {
        return customerId;
    }

    String recipientEmail() {
        return recipientEmail;
    }

    String secretHash() {
        return secretHash;
    }

    String sentBy() {
        return sentBy;
    }

    Instant sentAt() {
        return sentAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    Long completedWith() {
        return completedWith;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    String revokedBy() {
        return revokedBy;
    }

    long version() {
        return version;
    }
}
