package org.paydesk.application.paymentmethod.port.out;

import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.DisplayFacts;

/**
 * The processor's store of saved methods: attaching a token to the customer makes it chargeable later without
 * the customer present (Stripe: attach the PaymentMethod to a Customer).
 *
 * @see org.paydesk.application.payment.port.out.PaymentProcessor
 */
public interface PaymentMethodVault {

    /**
     * Attaches the method to the customer at the processor and returns what may be shown of it.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code invalid_payment_method_token} for an unknown token
     */
    DisplayFacts attach(PaymentMethod method, CustomerId customer);

    /** Detaches it, so it can no longer be charged. */
    void detach(PaymentMethod method);
}
