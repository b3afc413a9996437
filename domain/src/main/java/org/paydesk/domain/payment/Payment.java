package org.paydesk.domain.payment;

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
    private Instant updatedAt;
    private final long version;

    private Payment(PaymentId id, CustomerId customerId, PaymentMethod method, PaymentChannel channel,
            AllocationPlan plan, String requestKey, PaymentStatus status, String processorReference,
            PaymentFailure failure, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.method = Objects.requireNonNull(method, "method");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.requestKey = requestKey;
        this.status = Objects.requireNonNull(status, "status");
        this.processorReference = processorReference;
        this.failure = failure;
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
                now, now, 0);
    }

    /** Rebuilds a payment from storage. */
    public static Payment restore(PaymentId id, CustomerId customerId, PaymentMethod method, PaymentChannel channel,
            AllocationPlan plan, String requestKey, PaymentStatus status, String processorReference,
            PaymentFailure failure, Instant createdAt, Instant updatedAt, long version) {
        return new Payment(id, customerId, method, channel, plan, requestKey, status, processorReference, failure,
                createdAt, updatedAt, version);
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
