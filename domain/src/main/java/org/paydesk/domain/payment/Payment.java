package org.paydesk.domain.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * Money a customer pays, and where it goes.
 *
 * <p>Invariants: the allocation plan always accounts for the whole amount (allocated + unapplied = amount);
 * the status only moves along {@link PaymentStatus}'s legal transitions; a failed payment keeps the reason.
 * The invoices' balances are lowered when the payment is submitted (so two payments can never apply the same
 * open balance) and raised again if it fails.
 */
public final class Payment {

    private final PaymentId id;
    private final CustomerId customerId;
    private final PaymentMethod method;
    private final PaymentChannel channel;
    private AllocationPlan plan;
    private final String requestKey;
    private final Instant createdAt;
    private PaymentStatus status;
    private String processorReference;
    private PaymentFailure failure;
    private Money refunded;
    private Instant updatedAt;
    private final long version;

    private Payment(PaymentId id, CustomerId customerId, PaymentMethod method, PaymentChannel channel,
            AllocationPlan plan, String requestKey, PaymentStatus status, String processorReference,
            PaymentFailure failure, Money refunded, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.method = Objects.requireNonNull(method, "method");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.requestKey = requestKey;
        this.status = Objects.requireNonNull(status, "status");
        this.processorReference = processorReference;
        this.failure = failure;
        this.refunded = refunded == null ? Money.zero(plan.amount().currency()) : refunded;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /**
     * A payment recorded before anything is sent to the processor.
     *
     * @param requestKey the caller's idempotency key (scoped), so a retried request finds this payment; may be null
     */
    public static Payment initiate(PaymentId id, CustomerId customerId, PaymentMethod method, PaymentChannel channel,
            AllocationPlan plan, String requestKey, Instant now) {
        return new Payment(id, customerId, method, channel, plan, requestKey, PaymentStatus.PENDING, null, null,
                null, now, now, 0);
    }

    /** Rebuilds a payment from storage. */
    public static Payment restore(PaymentId id, CustomerId customerId, PaymentMethod method, PaymentChannel channel,
            AllocationPlan plan, String requestKey, PaymentStatus status, String processorReference,
            PaymentFailure failure, Instant createdAt, Instant updatedAt, long version) {
        return restore(id, customerId, method, channel, plan, requestKey, status, processorReference, failure, null,
                createdAt, updatedAt, version);
    }

    /** Rebuilds a payment from storage, with what refunds took of it ({@code null}: nothing). */
    public static Payment restore(PaymentId id, CustomerId customerId, PaymentMethod method, PaymentChannel channel,
            AllocationPlan plan, String requestKey, PaymentStatus status, String processorReference,
            PaymentFailure failure, Money refunded, Instant createdAt, Instant updatedAt, long version) {
        return new Payment(id, customerId, method, channel, plan, requestKey, status, processorReference, failure,
                refunded, createdAt, updatedAt, version);
    }

    /** How long after it was made a payment can be refunded: card and wallets 90 days, ACH 180 days. */
    public static Duration refundWindow(PaymentMethodType type) {
        return type == PaymentMethodType.ACH ? Duration.ofDays(180) : Duration.ofDays(90);
    }

    /** The charge is about to be sent to the processor. */
    public void submit(Instant now) {
        moveTo(PaymentStatus.PROCESSING, now);
    }

    /**
     * Records what the processor said. Returns whether the invoices' reserved balances must be released (the
     * payment failed) so the caller can reopen them in the same transaction.
     */
    public boolean record(PaymentOutcome outcome, Instant now) {
        Objects.requireNonNull(outcome, "outcome");
        boolean release = false;
        if (outcome instanceof PaymentOutcome.Succeeded) {
            moveTo(PaymentStatus.SUCCEEDED, now);
        } else if (outcome instanceof PaymentOutcome.Declined declined) {
            moveTo(PaymentStatus.FAILED, now);
            failure = declined.failure();
            release = true;
        } else if (outcome instanceof PaymentOutcome.Processing) {
            if (status != PaymentStatus.PROCESSING) {
                moveTo(PaymentStatus.PROCESSING, now);
            }
            updatedAt = now;
        } else {
            moveTo(PaymentStatus.UNKNOWN, now);
        }
        // Only once the move is legal: a refused (late or contradictory) answer must leave the payment as it was.
        if (outcome.processorReference() != null) {
            processorReference = outcome.processorReference();
        }
        return release;
    }

    /**
     * Applies unapplied money of a payment that went through, or is processing, to an invoice created for it (an
     * order's invoice at Pay &amp; Confirm), lowering that invoice's balance. The plan still accounts for the whole
     * amount; what stays unapplied still becomes credit on success.
     *
     * @throws DomainException {@code allocation_exceeds_unapplied} when more is asked than is unapplied, or
     *     {@code illegal_payment_transition} when the payment did not go through
     */
    public void applyUnappliedTo(Receivable receivable, Money amount, Instant now) {
        if (status != PaymentStatus.SUCCEEDED && status != PaymentStatus.PROCESSING) {
            throw new DomainException("illegal_payment_transition", "status",
                    "payment " + id + " is " + status + "; only money that was paid can be applied");
        }
        if (!receivable.belongsTo(customerId)) {
            throw new DomainException("receivable_not_found", "receivableId",
                    "invoice " + receivable.number() + " is not this customer's");
        }
        if (amount.isGreaterThan(plan.unapplied())) {
            throw new DomainException("allocation_exceeds_unapplied", "amount",
                    "payment " + id + " has " + plan.unapplied() + " unapplied; cannot apply " + amount);
        }
        if (plan.allocations().stream().anyMatch(a -> a.receivableId().equals(receivable.id()))) {
            throw new IllegalStateException("payment " + id + " already applies to " + receivable.number());
        }
        receivable.apply(amount);
        List<Allocation> allocations = new ArrayList<>(plan.allocations());
        allocations.add(new Allocation(receivable.id(), receivable.number(), amount));
        plan = new AllocationPlan(plan.amount(), allocations, plan.unapplied().minus(amount));
        updatedAt = now;
    }

    /**
     * Gives back part or all of what is left of a payment that went through: the refunded total grows and the status
     * becomes {@code PARTIALLY_REFUNDED} or {@code REFUNDED}. Where the money comes from (credit, invoices) is the
     * {@link Unwinding}'s business.
     *
     * @throws DomainException {@code payment_not_refundable} unless the payment succeeded (and is neither disputed
     *     nor returned), {@code refund_window_closed} after {@link #refundWindow}, {@code refund_exceeds_refundable}
     *     when more is asked than is left
     */
    public void startRefund(Money amount, Instant now) {
        if (!status.isRefundable()) {
            throw new DomainException("payment_not_refundable", "paymentId",
                    "payment " + id + " is " + status + "; only a payment that went through can be refunded");
        }
        if (now.isAfter(createdAt.plus(refundWindow(method.type())))) {
            throw new DomainException("refund_window_closed", "paymentId", "payment " + id + " was made on "
                    + createdAt + "; " + method.type() + " payments can be refunded for "
                    + refundWindow(method.type()).toDays() + " days");
        }
        requirePositiveInOwnCurrency(amount);
        if (amount.isGreaterThan(refundable())) {
            throw new DomainException("refund_exceeds_refundable", "amount",
                    "payment " + id + " has " + refundable() + " left to refund; cannot refund " + amount);
        }
        refunded = refunded.plus(amount);
        moveTo(refunded.equals(amount()) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, now);
    }

    /**
     * A refund the processor refused after all: its amount is kept again. A refunded payment steps back to
     * {@code PARTIALLY_REFUNDED} or {@code SUCCEEDED}; a disputed or returned one keeps its status.
     */
    public void refundFailed(Money amount, Instant now) {
        requirePositiveInOwnCurrency(amount);
        if (amount.isGreaterThan(refunded)) {
            throw new IllegalStateException("payment " + id + " has " + refunded + " refunded, not " + amount);
        }
        refunded = refunded.minus(amount);
        if (status == PaymentStatus.REFUNDED || status == PaymentStatus.PARTIALLY_REFUNDED) {
            moveTo(refunded.isZero() ? PaymentStatus.SUCCEEDED : PaymentStatus.PARTIALLY_REFUNDED, now);
        } else {
            updatedAt = now;
        }
    }

    /**
     * The customer's bank returned an ACH debit after it had settled. What the payment still held on invoices and in
     * credit is taken back by the caller, through an {@link Unwinding} of {@link #unwindable()}.
     *
     * @throws DomainException {@code illegal_payment_transition} unless an ACH payment that went through
     */
    public void markReturned(PaymentFailure reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (method.type() != PaymentMethodType.ACH) {
            throw new DomainException("illegal_payment_transition", "status",
                    "payment " + id + " is a " + method.type() + " payment; only ACH debits are returned");
        }
        moveTo(PaymentStatus.RETURNED, now);
        failure = reason;
    }

    /** The payer disputed the charge with their bank: the money is held until the dispute ends. */
    public void dispute(Instant now) {
        moveTo(PaymentStatus.DISPUTED, now);
    }

    /** What is left to refund: the amount less refunds, for a payment that may be refunded; otherwise zero. */
    public Money refundable() {
        return status.isRefundable() ? amount().minus(refunded) : Money.zero(amount().currency());
    }

    /** What of the payment is still on invoices or in credit: the amount less refunds. */
    public Money unwindable() {
        return amount().minus(refunded);
    }

    /** Given back (or on its way back) by refunds that were not refused. */
    public Money refunded() {
        return refunded;
    }

    private void requirePositiveInOwnCurrency(Money amount) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.hasSameCurrencyAs(amount())) {
            throw new DomainException("currency_mismatch", "currency", "payment " + id + " is in "
                    + amount().currency().getCurrencyCode() + ", not " + amount.currency().getCurrencyCode());
        }
        if (!amount.isPositive()) {
            throw new DomainException("invalid_amount", "amount", "a refund's amount must be greater than zero");
        }
    }

    private void moveTo(PaymentStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new DomainException("illegal_payment_transition", "status",
                    "payment " + id + " cannot go from " + status + " to " + target);
        }
        status = target;
        updatedAt = now;
    }

    public Money amount() {
        return plan.amount();
    }

    public List<Allocation> allocations() {
        return plan.allocations();
    }

    /** Paid but applied to no invoice: it becomes customer credit once the payment succeeds. */
    public Money unapplied() {
        return plan.unapplied();
    }

    public PaymentId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public PaymentMethod method() {
        return method;
    }

    public PaymentChannel channel() {
        return channel;
    }

    public AllocationPlan plan() {
        return plan;
    }

    public String requestKey() {
        return requestKey;
    }

    public PaymentStatus status() {
        return status;
    }

    public String processorReference() {
        return processorReference;
    }

    /** Why the payment failed, or {@code null} unless it did. */
    public PaymentFailure failure() {
        return failure;
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
