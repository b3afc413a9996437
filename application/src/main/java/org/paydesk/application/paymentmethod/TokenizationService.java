package org.paydesk.application.paymentmethod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizePaymentDetailsUseCase;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;

/** Passes form details to the processor's tokenizer; nothing of them is kept. */
@ApplicationScoped
public class TokenizationService implements TokenizePaymentDetailsUseCase {

    private final PaymentDetailsTokenizer tokenizer;

    @Inject
    public TokenizationService(PaymentDetailsTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public TokenizedPaymentMethod tokenizeCard(CardDetails card) {
        return tokenizer.tokenizeCard(card);
    }

    @Override
    public TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account) {
        return tokenizer.tokenizeBankAccount(account);
    }

    /** For CDI's proxy only. */
    protected TokenizationService() {
        this(null);
    }
}
