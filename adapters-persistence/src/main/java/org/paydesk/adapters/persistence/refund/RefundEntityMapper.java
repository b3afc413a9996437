package org.paydesk.adapters.persistence.refund;

import java.util.Currency;
import java.util.List;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.Unwinding;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;
import org.paydesk.domain.refund.RefundStatus;
import org.paydesk.domain.shared.Money;

/**
 * Between {@link Refund} and its rows. The refund is rebuilt through {@link Refund#restore}, which checks that what it
 * took back adds up to its amount, so a stored refund whose rows do not add up cannot be read as valid.
 */
final class RefundEntityMapper {

    static final int FAILURE_CODE_WIDTH = 100;
    static final int FAILURE_MESSAGE_WIDTH = 1000;

    private RefundEntityMapper() {
    }

    static Refund toDomain(RefundEntity entity) {
        RefundStatus status = entity.status();
        String failureCode = entity.failureCode();
        String failureMessage = entity.failureMessage();
        if (status == RefundStatus.FAILED) {
            // Oracle reads an empty string back as NULL; a failed refund always has a code and a message.
            failureCode = Columns.nullAsEmpty(failureCode);
            failureMessage = Columns.nullAsEmpty(failureMessage);
        }
        return Refund.restore(new RefundId(entity.id()), new PaymentId(entity.paymentId()),
                new CustomerId(entity.customerId()),
                Money.ofMinor(entity.amountMinor(), Currency.getInstance(entity.currency())), unwindingOf(entity),
                entity.requestKey(), status, entity.processorRefundId(), failureCode, failureMessage,
                entity.createdAt(), entity.updatedAt(), entity.version());
    }

    private static Unwinding unwindingOf(RefundEntity entity) {
        List<Allocation> reopened = entity.allocations().stream()
                .map(allocation -> new Allocation(new ReceivableId(allocation.receivableId()),
                        allocation.receivableNumber(),
                        Money.ofMinor(allocation.amountMinor(), Currency.getInstance(allocation.currency()))))
                .toList();
        return new Unwinding(Money.ofMinor(entity.creditTakenMinor(), Currency.getInstance(entity.currency())),
                reopened);
    }

    static RefundEntity toNewEntity(Refund refund) {
        Unwinding unwinding = refund.unwinding();
        RefundEntity entity = new RefundEntity(refund.id().value(), refund.paymentId().value(),
                refund.customerId().value(), refund.amount().currency().getCurrencyCode(),
                refund.amount().minorUnits(), unwinding.creditTaken().minorUnits(), refund.requestKey(),
                refund.createdAt());
        for (Allocation allocation : unwinding.reopened()) {
            entity.addAllocation(allocation.receivableId().value(), allocation.receivableNumber(),
                    allocation.amount().minorUnits());
        }
        copyState(refund, entity);
        return entity;
    }

    /**
     * Copies what may change after the refund was recorded: its state. What it took back is what the money came from
     * and is put back from if the processor refuses; a refund whose amount or unwinding differ from the stored ones is
     * refused rather than written.
     */
    static void copyChanges(Refund refund, RefundEntity entity) {
        Unwinding stored = unwindingOf(entity);
        if (refund.amount().minorUnits() != entity.amountMinor()
                || !refund.amount().currency().getCurrencyCode().equals(entity.currency())
                || !refund.unwinding().equals(stored)) {
            throw new IllegalStateException("refund " + refund.id() + " changed its amount or what it took back ("
                    + stored + " is stored); both are written once and never change");
        }
        copyState(refund, entity);
    }

    private static void copyState(Refund refund, RefundEntity entity) {
        entity.changeState(refund.status(), refund.processorRefundId(),
                Columns.truncate(refund.failureCode(), FAILURE_CODE_WIDTH),
                Columns.truncate(refund.failureMessage(), FAILURE_MESSAGE_WIDTH), refund.updatedAt());
    }
}
