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
 */
public record ChargeRequest(String idempotencyKey, PaymentId paymentId, CustomerId customerId, Money amount,
        PaymentMethod method, String description, boolean offSession) {

    /** A charge with the customer's details entered now (on-session). */
    public ChargeRequest(String idempotencyKey, PaymentId paymentId, CustomerId customerId, Money amount,
            PaymentMethod method, String description) {
        this(idempotencyKey, paymentId, customerId, amount, method, description, false);
    }

    public ChargeRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
    }
}
