package org.paydesk.application.payment.port.in;

import java.util.List;
import java.util.Objects;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.shared.Money;

/**
 * How an amount should be applied to a customer's invoices: explicitly, or oldest due first when
 * {@code allocations} is {@code null}.
 */
public record AllocationInstruction(CustomerId customerId, Money amount, List<AllocationRequest> allocations) {

    public AllocationInstruction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        allocations = allocations == null ? null : List.copyOf(allocations);
    }
}
