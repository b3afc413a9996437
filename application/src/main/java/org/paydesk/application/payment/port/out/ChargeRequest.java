package org.paydesk.application.payment.port.out;

import java.util.Objects;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.shared.Money;

/**
 * One charge to send to the processor.
 *
 * @param idempotencyKey derived from Paydesk's stored attempt id, so a retry of the same attempt can never charge
 *     twice
 * @param offSession the customer is not present (a saved method): the processor cannot ask them to authenticate
 * @param saveForFuture the method is to be saved for later payments ("Save for future payments"): the processor must
 *     charge it as the customer's (Stripe refuses to attach a method once used without its customer)
 */
public record ChargeRequest(String idempotencyKey, PaymentId paymentId, CustomerId customerId, Money amount,
        PaymentMethod method, String description, boolean offSession, boolean saveForFuture) {

    /** A charge whose method is not saved by it. */
    public ChargeRequest(String idempotencyKey, PaymentId paymentId, CustomerId customerId, Money amount,
            PaymentMethod method, String description, boolean offSession) {
        this(idempotencyKey, paymentId, customerId, amount, method, description, offSession, false);
    }

    /** A charge with the customer's details entered now (on-session). */
    public ChargeRequest(String idempotencyKey, PaymentId paymentId, CustomerId customerId, Money amount,
            PaymentMethod method, String description) {
        this(idempotencyKey, paymentId, customerId, amount, method, description, false, false);
    }

    public ChargeRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
    }
}
