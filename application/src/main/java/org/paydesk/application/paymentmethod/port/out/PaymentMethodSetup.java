package org.paydesk.application.paymentmethod.port.out;

import org.paydesk.domain.customer.CustomerId;

/**
 * Starts saving a payment method the payer enters in the browser with the processor's own script (Stripe: a
 * SetupIntent confirmed by Stripe.js), so card and account numbers never reach Paydesk. The browser completes it;
 * the method is then attached to the customer at the processor.
 */
public interface PaymentMethodSetup {

    /**
     * Starts a setup for the customer, creating the customer at the processor if it has none yet.
     *
     * @return the setup's client secret, for the page in the payer's browser only: it is not stored or logged
     */
    String startSetup(CustomerId customer);
}
