package org.paydesk.domain.payment;

import java.util.Objects;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/** Part of a payment applied to one invoice; the amount is always positive. */
public record Allocation(ReceivableId receivableId, String receivableNumber, Money amount) {

    public Allocation {
        Objects.requireNonNull(receivableId, "receivableId");
        Objects.requireNonNull(receivableNumber, "receivableNumber");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an allocation is positive: " + amount);
        }
    }
}
