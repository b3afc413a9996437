package org.paydesk.application.payment.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.shared.Money;

/**
 * Give back money from a payment.
 *
 * @param amount how much; null for everything that is left to refund
 * @param reason staff's words for the audit trail; may be null
 * @param requestKey the request's scoped idempotency key, so a retry after a crash finds the refund; may be null
 */
public record RefundPaymentCommand(PaymentId paymentId, Money amount, String reason, String requestKey,
        Actor actor) {

    public RefundPaymentCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(actor, "actor");
    }
}
