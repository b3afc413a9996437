package org.paydesk.application.paymentmethod.port.in;

import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;

/**
 * The customer's side of a "request payment method" link, authorised by the link's secret alone. Every method
 * answers {@link LinkUnavailableException} for an unknown, spent, revoked or expired secret.
 */
public interface CompletePaymentMethodRequestUseCase {

    /** Reads the request for display; changes nothing. */
    HostedFormView open(String secret);

    /** Records that the customer opened the form (the first time only). */
    void markOpened(String secret);

    /** Tokenizes test details for this link (sandbox only; in Stripe mode the browser talks to Stripe). */
    TokenizedPaymentMethod tokenizeCard(String secret, CardDetails card);

    TokenizedPaymentMethod tokenizeBankAccount(String secret, BankAccountDetails account);

    /**
     * Starts the processor's own entry of the details in the payer's browser (Stripe: a SetupIntent that Stripe.js
     * confirms) for this link's customer.
     *
     * @return the setup's client secret, for the page only; never stored or logged
     */
    String startProcessorSetup(String secret);

    /** Saves the tokenized method on the customer and spends the link. */
    PaymentMethodToken complete(String secret, PaymentMethod method, String origin);
}
