package org.paydesk.domain.refund;

import java.time.Instant;
import java.util.Objects;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.Unwinding;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * Money given back from one payment. The credit and invoice balances it takes back ({@link #unwinding()}) are taken
 * when it is requested, so the same money cannot be refunded twice while the processor works, and are put back if the
 * processor refuses. Its status only moves along {@link RefundStatus}'s legal transitions.
 */
public final class Refund {

    private final RefundId id;
    private final PaymentId paymentId;
    private final CustomerId customerId;
    private final Money amount;
    private final Unwinding unwinding;
    private final String requestKey;
    private final Instant createdAt;
    private RefundStatus status;
    private String processorRefundId;
    private String failureCode;
    private String failureMessage;
    private Instant updatedAt;
    private final long version;

    private Refund(RefundId id, PaymentId paymentId, CustomerId customerId, Money amount, Unwinding unwinding,
            String requestKey, RefundStatus status, String processorRefundId, String failureCode,
            String failureMessage, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.paymentId = Objects.requireNonNull(paymentId, "paymentId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.unwinding = Objects.requireNonNull(unwinding, "unwinding");
        this.requestKey = requestKey;
        this.status = Objects.requireNonNull(status, "status");
        this.processorRefundId = processorRefundId;
        this.failureCode = failureCode;
        this.failureMessage = failureMessage;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
        if (!unwinding.total().equals(amount)) {
            throw new IllegalArgumentException("refund " + id + " of " + amount + " unwinds " + unwinding.total());
        }
    }

    /**
     * A refund recorded before the processor is asked; the payment's refunded total must already include it
     * ({@link Payment#startRefund}).
     *
     * @param requestKey the caller's idempotency key (scoped), so a retried request finds this refund; may be null
     */
    public static Refund request(RefundId id, Payment payment, Money amount, Unwinding unwinding, String requestKey,
            Instant now) {
        return new Refund(id, payment.id(), payment.customerId(), amount, unwinding, requestKey,
                RefundStatus.REQUESTED, null, null, null, now, now, 0);
    }

    /** Rebuilds a refund from storage. */
    public static Refund restore(RefundId id, PaymentId paymentId, CustomerId customerId, Money amount,
            Unwinding unwinding, String requestKey, RefundStatus status, String processorRefundId, String failureCode,
            String failureMessage, Instant createdAt, Instant updatedAt, long version) {
        return new Refund(id, paymentId, customerId, amount, unwinding, requestKey, status, processorRefundId,
                failureCode, failureMessage, createdAt, updatedAt, version);
    }

    /** The processor accepted the refund; the money is on its way. */
    public void accepted(String processorRefundId, Instant now) {
        moveTo(RefundStatus.PENDING, now);
        this.processorRefundId = Objects.requireNonNull(processorRefundId, "processorRefundId");
    }

    /** The money went back. */
    public void succeeded(String processorRefundId, Instant now) {
        moveTo(RefundStatus.SUCCEEDED, now);
        this.processorRefundId = Objects.requireNonNull(processorRefundId, "processorRefundId");
    }

    /**
     * The processor refused or failed it: no money moved. The caller puts the unwinding back and tells the payment
     * ({@link Payment#refundFailed}).
     */
    public void failed(String processorRefundId, String code, String message, Instant now) {
        moveTo(RefundStatus.FAILED, now);
        if (processorRefundId != null) {
            this.processorRefundId = processorRefundId;
        }
        this.failureCode = Objects.requireNonNull(code, "code");
        this.failureMessage = Objects.requireNonNull(message, "message");
    }

    private void moveTo(RefundStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new DomainException("illegal_refund_transition", "status",
                    "refund " + id + " cannot go from " + status + " to " + target);
        }
        status = target;
        updatedAt = now;
    }

    /** The key the processor sees: stable for this refund, so resending it can never refund twice. */
    public String processorIdempotencyKey() {
        return "paydesk-refund-" + id;
    }

    public RefundId id() {
        return id;
    }

    public PaymentId paymentId() {
        return paymentId;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public Money amount() {
        return amount;
    }

    /** Where the money was taken from: the payment's credit, then its invoices. */
    public Unwinding unwinding() {
        return unwinding;
    }

    public String requestKey() {
        return requestKey;
    }

    public RefundStatus status() {
        return status;
    }

    /** The processor's id for the refund ({@code re_...}), once it gave one. */
    public String processorRefundId() {
        return processorRefundId;
    }

    /** Why the processor refused, or {@code null} unless it did. */
    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
