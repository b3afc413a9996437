package org.paydesk.domain.testdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/**
 * Builds payments: {@code aPayment().ofAmount("150.00").allocating(7, "100.00").build()}. Defaults: id 1,
 * customer 1, USD 100.00 by card ({@code pm_card_visa}) at the accounts-receivable desk, nothing allocated (all
 * unapplied), no request key, created {@link #DEFAULT_TIME}, status {@code PENDING}. Whatever is not allocated
 * is unapplied, so the plan's invariant always holds.
 */
public final class Payments {

    public static final Instant DEFAULT_TIME = Instant.parse("2024-03-01T10:00:00Z");

    private Payments() {
    }

    public static Builder aPayment() {
        return new Builder();
    }

    /** A saved Visa test card. */
    public static PaymentMethod card() {
        return new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa");
    }

    /** A saved US bank account for ACH debits. */
    public static PaymentMethod bankAccount() {
        return new PaymentMethod(PaymentMethodType.ACH, "pm_usBankAccount_success");
    }

    /** Staff's request to put {@code amount} (USD) on invoice {@code receivableId}. */
    public static AllocationRequest allocate(long receivableId, String amount) {
        return new AllocationRequest(new ReceivableId(receivableId), Money.parse(amount, "USD"));
    }

    public static AllocationRequest allocate(long receivableId, Money amount) {
        return new AllocationRequest(new ReceivableId(receivableId), amount);
    }

    /** A decline as the processor reports it for a card with insufficient funds. */
    public static PaymentFailure insufficientFunds() {
        return new PaymentFailure("card_declined", "insufficient_funds", "Your card has insufficient funds.");
    }

    /** A fluent builder; every setter returns the builder, {@link #build()} makes a new payment each time. */
    public static final class Builder {

        private long id = 1;
        private long customerId = 1;
        private PaymentMethod method = card();
        private PaymentChannel channel = PaymentChannel.ACCOUNTS_RECEIVABLE;
        private String currencyCode = "USD";
        private String amount = "100.00";
        private final List<PlannedAllocation> planned = new ArrayList<>();
        private AllocationPlan plan;
        private String requestKey;
        private PaymentStatus status = PaymentStatus.PENDING;
        private String processorReference;
        private PaymentFailure failure;
        private Instant createdAt = DEFAULT_TIME;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder withId(long id) {
            this.id = id;
            return this;
        }

        public Builder forCustomer(long customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder forCustomer(CustomerId customerId) {
            return forCustomer(customerId.value());
        }

        public Builder paidWith(PaymentMethod method) {
            this.method = method;
            return this;
        }

        public Builder byCard() {
            return paidWith(card());
        }

        public Builder byAch() {
            return paidWith(bankAccount());
        }

        public Builder through(PaymentChannel channel) {
            this.channel = channel;
            return this;
        }

        public Builder inCurrency(String currencyCode) {
            this.currencyCode = currencyCode;
            return this;
        }

        /** The amount paid, as a decimal string in the payment's currency. */
        public Builder ofAmount(String amount) {
            this.amount = amount;
            return this;
        }

        /** Puts part of the amount on an invoice; the rest stays unapplied. */
        public Builder allocating(long receivableId, String amount) {
            planned.add(new PlannedAllocation(receivableId, amount));
            return this;
        }

        /** Uses a ready-made plan; the amount and allocations then come from it. */
        public Builder withPlan(AllocationPlan plan) {
            this.plan = plan;
            return this;
        }

        public Builder withRequestKey(String requestKey) {
            this.requestKey = requestKey;
            return this;
        }

        /** Rebuilds the payment as already in this status (as if loaded from storage). */
        public Builder inStatus(PaymentStatus status) {
            this.status = status;
            return this;
        }

        /** A failed payment and its reason. */
        public Builder failedWith(PaymentFailure failure) {
            this.status = PaymentStatus.FAILED;
            this.failure = failure;
            return this;
        }

        public Builder withProcessorReference(String processorReference) {
            this.processorReference = processorReference;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public AllocationPlan buildPlan() {
            if (plan != null) {
                return plan;
            }
            Money total = Money.parse(amount, currencyCode);
            List<Allocation> allocations = new ArrayList<>();
            Money allocated = Money.zero(total.currency());
            for (PlannedAllocation each : planned) {
                Money part = Money.parse(each.amount(), currencyCode);
                allocations.add(new Allocation(new ReceivableId(each.receivableId()), "INV-" + each.receivableId(),
                        part));
                allocated = allocated.plus(part);
            }
            return new AllocationPlan(total, allocations, total.minus(allocated));
        }

        public Payment build() {
            return Payment.restore(new PaymentId(id), new CustomerId(customerId), method, channel, buildPlan(),
                    requestKey, status, processorReference, failure, createdAt,
                    updatedAt == null ? createdAt : updatedAt, version);
        }

        private record PlannedAllocation(long receivableId, String amount) {
        }
    }
}
