package org.paydesk.adapters.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code payment_attempt}: one call of the processor, stored before the call (its id becomes the
 * processor's idempotency key) and completed with what the call answered. No money in it, hence no version.
 */
@Entity
@Table(name = "payment_attempt")
class PaymentAttemptEntity {

    @Id
    @SequenceGenerator(name = "payment_attempt_seq", sequenceName = "payment_attempt_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_attempt_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    // A relationship rather than a bare id so the payment, recorded in the same transaction, is inserted first.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id", nullable = false, updatable = false)
    private PaymentEntity payment;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "outcome_kind", length = 20)
    private String outcomeKind;

    @Column(name = "processor_reference", length = 255)
    private String processorReference;

    @Column(name = "outcome_detail", length = 500)
    private String outcomeDetail;

    protected PaymentAttemptEntity() {
    }

    PaymentAttemptEntity(long id, PaymentEntity payment, Instant startedAt) {
        this.id = id;
        this.payment = payment;
        this.startedAt = startedAt;
    }

    void finish(String outcomeKind, String processorReference, String outcomeDetail, Instant finishedAt) {
        this.outcomeKind = outcomeKind;
        this.processorReference = processorReference;
        this.outcomeDetail = outcomeDetail;
        this.finishedAt = finishedAt;
    }

    boolean finished() {
        return finishedAt != null;
    }

    long id() {
        return id;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    String outcomeKind() {
        return outcomeKind;
    }

    String processorReference() {
        return processorReference;
    }

    String outcomeDetail() {
        return outcomeDetail;
    }
}
