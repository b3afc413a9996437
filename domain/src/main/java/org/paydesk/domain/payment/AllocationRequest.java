package org.paydesk.domain.payment;

import java.util.Objects;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/** Staff's instruction to apply an amount of the payment to one invoice. */
public record AllocationRequest(ReceivableId receivableId, Money amount) {

    public AllocationRequest {
        Objects.requireNonNull(receivableId, "receivableId");
        Objects.requireNonNull(amount, "amount");
    }
}
