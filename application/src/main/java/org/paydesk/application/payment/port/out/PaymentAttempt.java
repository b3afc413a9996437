package org.paydesk.application.payment.port.out;

import java.time.Instant;
import java.util.Objects;
import org.paydesk.domain.payment.PaymentId;

/** One call of the processor for a payment, stored before the call is made. */
public record PaymentAttempt(long id, PaymentId paymentId, Instant startedAt) {

    public PaymentAttempt {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The key the processor sees: stable for this attempt, so resending it can never charge twice. */
    public String processorIdempotencyKey() {
        return "paydesk-attempt-" + id;
    }
}
