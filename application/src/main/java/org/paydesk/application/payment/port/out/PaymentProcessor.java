package org.paydesk.application.payment.port.out;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * The payment processor (Stripe in production, the sandbox by default). Implementations never throw for a
 * decline; they answer {@link PaymentOutcome.Unknown} when no answer came back.
 */
public interface PaymentProcessor {

    PaymentOutcome charge(ChargeRequest request);

    /**
     * Every charge the processor holds for this Paydesk payment, whatever its state; for reconciliation of a payment
     * whose answer was lost (no reference known). Stripe's search may take a minute to find a new charge.
     */
    List<ProcessorCharge> chargesFor(PaymentId payment);

    /**
     * The charge's state at the processor now, by the reference its answer or a webhook gave; the truth that webhooks
     * and the reconciler settle a payment by (Stripe recommends reading the object rather than trusting an event's
     * copy, so events in any order lead to the same end).
     *
     * @return empty when the processor knows no charge with that reference
     */
    Optional<ProcessorCharge> lookup(String processorReference);

    /**
     * The wallets ({@link PaymentMethodType#APPLE_PAY}, {@link PaymentMethodType#GOOGLE_PAY}) this processor can take
     * a payment from. It says what is possible, not what is offered: the merchant's configuration decides which of
     * them a payer is shown. None by default.
     *
     * @return an unmodifiable set holding only wallet types, possibly empty
     */
    default Set<PaymentMethodType> supportedWallets() {
        return Set.of();
    }
}
