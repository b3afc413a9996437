package org.paydesk.application.payment.port.out;

import java.util.List;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * The payment processor (Stripe in production, the sandbox by default). Implementations never throw for a
 * decline; they answer {@link PaymentOutcome.Unknown} when no answer came back.
 */
public interface PaymentProcessor {

    PaymentOutcome charge(ChargeRequest request);

    /** Every charge the processor holds for this Paydesk payment, whatever its state; for reconciliation. */
    List<ProcessorCharge> chargesFor(PaymentId payment);
}
