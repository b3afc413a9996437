package org.paydesk.adapters.persistence.paymentlink;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of {@code payment_link} and its invoices. Whom it went to, its secret's hash and its invoices never change;
 * its first opening and the last payment taken through it do, and the version moves with them.
 */
@Entity
@Table(name = "payment_link")
class PaymentLinkEntity {

    @Id
    @SequenceGenerator(name = "payment_link_seq", sequenceName = "payment_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_link_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "link_kind", nullable = false, updatable = false, length = 20)
    private String kind;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "payment_link_invoice", joinColumns = @JoinColumn(name = "link_id"))
    @OrderColumn(name = "list_position")
    @Column(name = "receivable_id", nullable = false, updatable = false)
    private List<Long> invoices = new ArrayList<>();

    @Column(name = "recipient_email", nullable = false, updatable = false, length = 254)
    private String recipientEmail;

    @Column(name = "secret_hash", nullable = false, updatable = false, length = 64)
    private String secretHash;

    @Column(name = "sent_by", nullable = false, updatable = false, length = 255)
    private String sentBy;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "last_payment_id")
    private Long lastPaymentId;

    @Column(name = "last_payment_at")
    private Instant lastPaymentAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PaymentLinkEntity() {
    }

    PaymentLinkEntity(long id, String kind, long customerId, List<Long> invoices, String recipientEmail,
            String secretHash, String sentBy, Instant sentAt) {
        this.id = id;
        this.kind = kind;
        this.customerId = customerId;
        this.invoices = new ArrayList<>(invoices);
        this.recipientEmail = recipientEmail;
        this.secretHash = secretHash;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
    }

    void changeProgress(Instant openedAt, Long lastPaymentId, Instant lastPaymentAt) {
        this.openedAt = openedAt;
        this.lastPaymentId = lastPaymentId;
        this.lastPaymentAt = lastPaymentAt;
    }

    long id() {
        return id;
    }

    String kind() {
        return kind;
    }

    long customerId() {
        return customerId;
    }

    List<Long> invoices() {
        return List.copyOf(invoices);
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

    Instant openedAt() {
        return openedAt;
    }

    Long lastPaymentId() {
        return lastPaymentId;
    }

    Instant lastPaymentAt() {
        return lastPaymentAt;
    }

    long version() {
        return version;
    }
}
