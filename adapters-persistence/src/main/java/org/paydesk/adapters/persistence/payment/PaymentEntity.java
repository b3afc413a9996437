package org.paydesk.adapters.persistence.payment;

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
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;

/**
 * A row of {@code payment}, the root of the payment aggregate: its version guards the allocations too. A stored
 * allocation never changes; after creation the status, the processor's reference, the failure, what refunds gave back
 * and the update time change, and unapplied money may be applied later ({@code Payment.applyUnappliedTo}), which adds
 * an allocation and lowers the unapplied rest.
 */
@Entity
@Table(name = "payment")
class PaymentEntity {

    @Id
    @SequenceGenerator(name = "payment_seq", sequenceName = "payment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "method_type", nullable = false, updatable = false, length = 20)
    private PaymentMethodType methodType;

    @Column(name = "method_token", nullable = false, updatable = false, length = 255)
    private String methodToken;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 30)
    private PaymentChannel channel;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "unapplied_minor", nullable = false)
    private long unappliedMinor;

    @Column(name = "request_key", updatable = false, length = 255)
    private String requestKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private PaymentStatus status;

    @Column(name = "processor_reference", length = 255)
    private String processorReference;

    @Column(name = "failure_code", length = 100)
    private String failureCode;

    @Column(name = "failure_decline", length = 100)
    private String failureDecline;

    @Column(name = "failure_message", length = 1000)
    private String failureMessage;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // Always needed to rebuild the payment, and a payment has few of them: loaded with it.
    @OneToMany(mappedBy = "payment", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("lineNo ASC")
    private List<PaymentAllocationEntity> allocations = new ArrayList<>();

    protected PaymentEntity() {
    }

    PaymentEntity(long id, long customerId, PaymentMethodType methodType, String methodToken, PaymentChannel channel,
            String currency, long amountMinor, long unappliedMinor, String requestKey, Instant createdAt) {
        this.id = id;
        this.customerId = customerId;
        this.methodType = methodType;
        this.methodToken = methodToken;
        this.channel = channel;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.unappliedMinor = unappliedMinor;
        this.requestKey = requestKey;
        this.createdAt = createdAt;
    }

    /**
     * Adds the next allocation, numbered after the ones already there; its id comes from its sequence when it is
     * persisted (with the new payment, or through the cascade when the stored payment is flushed).
     */
    void addAllocation(long receivableId, String receivableNumber, long amountMinor) {
        allocations.add(new PaymentAllocationEntity(this, allocations.size() + 1, receivableId, receivableNumber,
                currency, amountMinor));
    }

    /** What is left unapplied after an allocation was added to the stored payment. */
    void changeUnapplied(long unappliedMinor) {
        this.unappliedMinor = unappliedMinor;
    }

    /** Everything about the payment that may change after it was recorded. */
    void changeState(PaymentStatus status, String processorReference, String failureCode, String failureDecline,
            String failureMessage, long refundedMinor, Instant updatedAt) {
        this.status = status;
        this.processorReference = processorReference;
        this.failureCode = failureCode;
        this.failureDecline = failureDecline;
        this.failureMessage = failureMessage;
        this.refundedMinor = refundedMinor;
        this.updatedAt = updatedAt;
    }

    long id() {
        return id;
    }

    long customerId() {
        return customerId;
    }

    PaymentMethodType methodType() {
        return methodType;
    }

    String methodToken() {
        return methodToken;
    }

    PaymentChannel channel() {
        return channel;
    }

    String currency() {
        return currency;
    }

    long amountMinor() {
        return amountMinor;
    }

    long unappliedMinor() {
        return unappliedMinor;
    }

    String requestKey() {
        return requestKey;
    }

    PaymentStatus status() {
        return status;
    }

    String processorReference() {
        return processorReference;
    }

    String failureCode() {
        return failureCode;
    }

    String failureDecline() {
        return failureDecline;
    }

    String failureMessage() {
        return failureMessage;
    }

    long refundedMinor() {
        return refundedMinor;
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

    List<PaymentAllocationEntity> allocations() {
        return allocations;
    }
}
