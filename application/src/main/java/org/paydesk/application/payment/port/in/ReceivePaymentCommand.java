package org.paydesk.application.payment.port.in;

import java.util.List;
import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;
import org.paydesk.domain.shared.Money;

/**
 * Receive a payment from a customer and apply it to open invoices.
 *
 * @param allocations the invoices and amounts staff chose, or {@code null} to apply oldest due first; an empty
 *     list keeps the whole amount as credit
 * @param requestKey the caller's idempotency key, scoped to the caller; a retry with it finds the first payment
 *     instead of charging again. May be null.
 * @param method the method to charge, or null when {@code savedMethod} names one of the customer's saved methods
 * @param savedMethod a saved method to charge off-session, or null
 * @param saveMethod "Save for future payments": keep {@code method} on the customer once the payment went through
 */
public record ReceivePaymentCommand(CustomerId customerId, Money amount, PaymentMethod method,
        List<AllocationRequest> allocations, PaymentChannel channel, String requestKey, Actor actor,
        PaymentMethodTokenId savedMethod, boolean saveMethod) {

    /** Explicit allocations per payment at most; enough for any remittance, small enough to lock quickly. */
    public static final int MAX_ALLOCATIONS = 200;

    public ReceivePaymentCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        if ((method == null) == (savedMethod == null)) {
            throw new IllegalArgumentException("exactly one of method and savedMethod");
        }
        if (saveMethod && savedMethod != null) {
            throw new IllegalArgumentException("a saved method is saved already");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        if (allocations != null && allocations.size() > MAX_ALLOCATIONS) {
            throw new InvalidRequestException("allocations", "too_many",
                    "at most " + MAX_ALLOCATIONS + " allocations per payment");
        }
        allocations = allocations == null ? null : List.copyOf(allocations);
    }

    /** A payment with a method given now, not saved. */
    public ReceivePaymentCommand(CustomerId customerId, Money amount, PaymentMethod method,
            List<AllocationRequest> allocations, PaymentChannel channel, String requestKey, Actor actor) {
        this(customerId, amount, method, allocations, channel, requestKey, actor, null, false);
    }

    public boolean oldestDueFirst() {
        return allocations == null;
    }

    /** The same instruction without how it is paid: what a preview computes. */
    public AllocationInstruction instruction() {
        return new AllocationInstruction(customerId, amount, allocations);
    }
}
