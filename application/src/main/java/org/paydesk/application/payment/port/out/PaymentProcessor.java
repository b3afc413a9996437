package org.paydesk.application.payment.port.out;

import java.util.List;
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

    /** Every charge the processor holds for this Paydesk payment, whatever its state; for reconciliation. */
    List<ProcessorCharge> chargesFor(PaymentId payment);

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
