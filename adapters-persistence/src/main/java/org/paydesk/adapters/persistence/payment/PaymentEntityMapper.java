package org.paydesk.adapters.persistence.payment;

import java.util.Currency;
import java.util.List;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/**
 * Between {@link Payment} and its rows. The plan is rebuilt through {@link AllocationPlan}'s constructor, so a
 * stored payment whose allocations and unapplied rest do not add up to its amount cannot be read as valid.
 */
final class PaymentEntityMapper {

    static final int FAILURE_CODE_WIDTH = 100;
    static final int FAILURE_MESSAGE_WIDTH = 1000;
    static final int OUTCOME_DETAIL_WIDTH = 500;

    private PaymentEntityMapper() {
    }

    static Payment toDomain(PaymentEntity entity) {
        Currency currency = Currency.getInstance(entity.currency());
        List<Allocation> allocations = entity.allocations().stream()
                .map(allocation -> new Allocation(new ReceivableId(allocation.receivableId()),
                        allocation.receivableNumber(),
                        Money.ofMinor(allocation.amountMinor(), Currency.getInstance(allocation.currency()))))
                .toList();
        AllocationPlan plan = new AllocationPlan(Money.ofMinor(entity.amountMinor(), currency), allocations,
                Money.ofMinor(entity.unappliedMinor(), currency));
        return Payment.restore(new PaymentId(entity.id()), new CustomerId(entity.customerId()),
                new PaymentMethod(entity.methodType(), entity.methodToken()), entity.channel(), plan,
                entity.requestKey(), entity.status(), entity.processorReference(), failureOf(entity),
                Money.ofMinor(entity.refundedMinor(), currency), entity.createdAt(), entity.updatedAt(),
                entity.version());
    }

    private static PaymentFailure failureOf(PaymentEntity entity) {
        if (entity.failureCode() == null && entity.failureDecline() == null && entity.failureMessage() == null) {
            return null;
        }
        // Oracle reads an empty string back as NULL; the domain requires code and message to be present.
        return new PaymentFailure(Columns.nullAsEmpty(entity.failureCode()), entity.failureDecline(),
                Columns.nullAsEmpty(entity.failureMessage()));
    }

    static PaymentEntity toNewEntity(Payment payment) {
        PaymentEntity entity = new PaymentEntity(payment.id().value(), payment.customerId().value(),
                payment.method().type(), payment.method().token(), payment.channel(),
                payment.amount().currency().getCurrencyCode(), payment.amount().minorUnits(),
                payment.unapplied().minorUnits(), payment.requestKey(), payment.createdAt());
        for (Allocation allocation : payment.allocations()) {
            entity.addAllocation(allocation.receivableId().value(), allocation.receivableNumber(),
                    allocation.amount().minorUnits());
        }
        copyState(payment, entity);
        return entity;
    }

    /**
     * Copies what may change after the payment was recorded: its state, and allocations added since it was stored
     * with what is left unapplied. Stored allocations never change; a payment whose allocations do not begin with
     * the stored ones is refused rather than written.
     */
    static void copyChanges(Payment payment, PaymentEntity entity) {
        copyNewAllocations(payment, entity);
        copyState(payment, entity);
    }

    private static void copyNewAllocations(Payment payment, PaymentEntity entity) {
        List<Allocation> allocations = payment.allocations();
        List<PaymentAllocationEntity> stored = entity.allocations();
        if (allocations.size() < stored.size()) {
            throw new IllegalStateException("payment " + payment.id() + " has " + allocations.size()
                    + " allocation(s) but " + stored.size() + " are stored; a stored allocation is never removed");
        }
        for (int i = 0; i < stored.size(); i++) {
            Allocation allocation = allocations.get(i);
            PaymentAllocationEntity row = stored.get(i);
            if (allocation.receivableId().value() != row.receivableId()
                    || allocation.amount().minorUnits() != row.amountMinor()) {
                throw new IllegalStateException("payment " + payment.id() + " changed its stored allocation to "
                        + row.receivableNumber() + "; a stored allocation never changes");
            }
        }
        for (Allocation added : allocations.subList(stored.size(), allocations.size())) {
            entity.addAllocation(added.receivableId().value(), added.receivableNumber(), added.amount().minorUnits());
        }
        entity.changeUnapplied(payment.unapplied().minorUnits());
    }

    private static void copyState(Payment payment, PaymentEntity entity) {
        PaymentFailure failure = payment.failure();
        entity.changeState(payment.status(), payment.processorReference(),
                failure == null ? null : Columns.truncate(failure.code(), FAILURE_CODE_WIDTH),
                failure == null ? null : Columns.truncate(failure.declineCode(), FAILURE_CODE_WIDTH),
                failure == null ? null : Columns.truncate(failure.message(), FAILURE_MESSAGE_WIDTH),
                payment.refunded().minorUnits(), payment.updatedAt());
    }

    /** The kind of answer, as stored in {@code payment_attempt.outcome_kind}. */
    static String kindOf(PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Succeeded) {
            return "SUCCEEDED";
        }
        if (outcome instanceof PaymentOutcome.Declined) {
            return "DECLINED";
        }
        if (outcome instanceof PaymentOutcome.Processing) {
            return "PROCESSING";
        }
        return "UNKNOWN";
    }

    /** What staff need to read about the answer: the decline's codes, or why no answer came. */
    static String detailOf(PaymentOutcome outcome) {
        String detail = null;
        if (outcome instanceof PaymentOutcome.Declined declined) {
            PaymentFailure failure = declined.failure();
            detail = failure.code() + (failure.declineCode() == null ? "" : "/" + failure.declineCode()) + ": "
                    + failure.message();
        } else if (outcome instanceof PaymentOutcome.Unknown unknown) {
            detail = unknown.reason();
        }
        return Columns.truncate(detail, OUTCOME_DETAIL_WIDTH);
    }
}
