package org.paydesk.application.payment;

import java.time.Instant;
import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * The processor's answer was recorded on a payment. Fired synchronously inside the transaction that records it,
 * under the customer's lock, after the payment moved and before unapplied money of a successful payment becomes
 * credit, so an observer may apply that money (an order's invoice) or refuse, rolling the whole answer back.
 */
public record PaymentRecorded(Payment payment, PaymentOutcome outcome, Actor actor, Instant at) {

    public PaymentRecorded {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
