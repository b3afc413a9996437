package org.paydesk.application.payment.port.out;

import java.util.Objects;
import org.paydesk.domain.shared.Money;

/**
 * A charge as the processor itself records it, for reconciliation: its reference, the key it was created with,
 * the amount, and the processor's own status word (e.g. {@code succeeded}, {@code processing},
 * {@code requires_payment_method}).
 */
public record ProcessorCharge(String reference, String idempotencyKey, Money amount, String status) {

    public ProcessorCharge {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
    }
}
