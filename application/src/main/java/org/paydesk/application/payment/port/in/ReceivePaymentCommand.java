package org.paydesk.application.payment.port.in;

import java.util.List;
import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.shared.Money;

/**
 * Receive a payment from a customer and apply it to open invoices.
 *
 * @param allocations the invoices and amounts staff chose, or {@code null} to apply oldest due first; an empty
 *     list keeps the whole amount as credit
 * @param requestKey the caller's idempotency key, scoped to the caller; a retry with it finds the first payment
 *     instead of charging again. May be null.
 */
public record ReceivePaymentCommand(CustomerId customerId, Money amount, PaymentMethod method,
        List<AllocationRequest> allocations, PaymentChannel channel, String requestKey, Actor actor) {

    /** Explicit allocations per payment at most; enough for any remittance, small enough to lock quickly. */
    public static final int MAX_ALLOCATIONS = 200;

    public ReceivePaymentCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        allocations = allocations == null ? null : List.copyOf(allocations);
    }

    public boolean oldestDueFirst() {
        return allocations == null;
    }

    /** The same instruction without how it is paid: what a preview computes. */
    public AllocationInstruction instruction() {
        return new AllocationInstruction(customerId, amount, allocations);
    }
}
