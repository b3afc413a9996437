package org.paydesk.application.paymentmethod.port.in;

/**
 * Turns card or bank details into a processor token, as Stripe.js does in a browser. Only the sandbox processor
 * offers this on the server, and it accepts only the processors' published test numbers.
 */
public interface TokenizePaymentDetailsUseCase {

    /** @throws org.paydesk.domain.shared.DomainException e.g. {@code not_a_test_card}, {@code tokenization_unavailable} */
    TokenizedPaymentMethod tokenizeCard(CardDetails card);

    /** @throws org.paydesk.domain.shared.DomainException e.g. {@code not_a_test_account} */
    TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account);
}
