package org.paydesk.application.paymentmethod.port.out;

import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;

/** The processor's tokenizer for details typed into a form. */
public interface PaymentDetailsTokenizer {

    TokenizedPaymentMethod tokenizeCard(CardDetails card);

    TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account);
}
