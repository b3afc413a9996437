package org.paydesk.application.payment.port.out;

import java.util.Objects;
import org.paydesk.domain.shared.Money;

/**
 * One refund to send to the processor.
 *
 * @param processorPaymentReference the processor's reference of the charge to refund, as its charge answered it
 *     (Stripe: the PaymentIntent id {@code pi_...}; sandbox: {@code pi_sbx_...})
 * @param amount how much of the charge to give back, in the charge's currency; positive
 * @param idempotencyKey derived from Paydesk's stored refund id, never random, so a retry after a crash can never
 *     refund twice
 */
public record RefundRequest(String processorPaymentReference, Money amount, String idempotencyKey) {

    public RefundRequest {
        Objects.requireNonNull(processorPaymentReference, "processorPaymentReference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (processorPaymentReference.isBlank()) {
            throw new IllegalArgumentException("processorPaymentReference must not be blank");
        }
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund's amount must be positive: " + amount);
        }
    }
}
