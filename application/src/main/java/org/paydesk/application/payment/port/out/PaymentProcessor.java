package org.paydesk.application.payment.port.out;

import org.paydesk.domain.payment.PaymentOutcome;

/**
 * The payment processor (Stripe in production, the sandbox by default). Implementations never throw for a
 * decline; they answer {@link PaymentOutcome.Unknown} when no answer came back.
 */
public interface PaymentProcessor {

    PaymentOutcome charge(ChargeRequest request);
}
