package org.paydesk.adapters.persistence.refund;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paydesk.domain.refund.RefundStatus;

/**
 * A row of {@code refund}, the root of the refund aggregate: its version guards the allocations too. The amount, the
 * credit taken and the allocations (where the money came from) are written once and never change; afterwards only the
 * status, the processor's refund id, the failure and the update time change.
 */
@Entity
@Table(name = "refund")
class RefundEntity {

    @Id
    @SequenceGenerator(name = "refund_seq", sequenceName = "refund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "refund_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private long paymentId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "credit_taken_minor", nullable = false, updatable = false)
    private long creditTakenMinor;

    @Column(name = "request_key", updatable = false, length = 255)
    private String requestKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private RefundStatus status;

    @Column(name = "processor_refund_id", length = 255)
    private String processorRefundId;

    @Column(name = "failure_code", length = 100)
    private String failureCode;

    @Column(name = "failure_message", length = 1000)
    private String failureMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // Always needed to rebuild the refund, and a refund has few of them: loaded with it.
    @OneToMany(mappedBy = "refund", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("lineNo ASC")
    private List<RefundAllocationEntity> allocations = new ArrayList<>();

    protected RefundEntity() {
    }

    RefundEntity(long id, long paymentId, long customerId, String currency, long amountMinor, long creditTakenMinor,
            String requestKey, Instant createdAt) {
        this.id = id;
        this.paymentId = paymentId;
        this.customerId = customerId;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.creditTakenMinor = creditTakenMinor;
        this.requestKey = requestKey;
        this.createdAt = createdAt;
    }

    /** Adds the next allocation, numbered after the ones already there; only for a refund not yet stored. */
    void addAllocation(long receivableId, String receivableNumber, long amountMinor) {
        allocations.add(new RefundAllocationEntity(this, allocations.size() + 1, receivableId, receivableNumber,
                currency, amountMinor));
    }

    /** Everything about the refund that may change after it was recorded. */
    void changeState(RefundStatus status, String processorRefundId, String failureCode, String failureMessage,
            Instant updatedAt) {
        this.status = status;
        this.processorRefundId = processorRefundId;
        this.failureCode = failureCode;
        this.failureMessage = failureMessage;
        this.updatedAt = updatedAt;
    }

    long id() {
        return id;
    }

    long paymentId() {
        return paymentId;
    }

    long customerId() {
        return customerId;
    }

    String currency() {
        return currency;
    }

    long amountMinor() {
        return amountMinor;
    }

    long creditTakenMinor() {
        return creditTakenMinor;
    }

    String requestKey() {
        return requestKey;
    }

    RefundStatus status() {
        return status;
    }

    String processorRefundId() {
        return processorRefundId;
    }

    String failureCode() {
        return failureCode;
    }

    String failureMessage() {
        return failureMessage;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    List<RefundAllocationEntity> allocations() {
        return allocations;
    }
}
