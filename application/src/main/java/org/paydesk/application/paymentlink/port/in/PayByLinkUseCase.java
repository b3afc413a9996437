package org.paydesk.application.paymentlink.port.in;

import java.util.function.Function;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentMethod;

/**
 * The customer's side of a payment link, authorised by the link's secret alone. An unknown secret is
 * {@link org.paydesk.application.paymentmethod.port.in.LinkUnavailableException}; an expired or paid link is shown
 * as such by {@link #open} and refused by the others ({@code link_expired}, {@code link_paid}).
 */
public interface PayByLinkUseCase {

    /** Reads the link and its invoices' current balances; changes nothing. */
    LinkPage open(String secret);

    /** The page was opened: the first time starts the 24 hours. */
    void markOpened(String secret);

    /** Sandbox tokenization for a payable link (in Stripe mode the browser talks to Stripe). */
    TokenizedPaymentMethod tokenizeCard(String secret, CardDetails card);

    TokenizedPaymentMethod tokenizeBankAccount(String secret, BankAccountDetails account);

    /**
     * Pays what is open now on the link's invoices, each at its current balance, through the usual payment path
     * (channel PAYMENT_LINK), under the page's idempotency key: a retry of the same page shows the first outcome.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code link_paid} (nothing charged), {@code link_expired}
     */
    IdempotentAnswer pay(String secret, PaymentMethod method, Actor payer, IdempotentRequest request,
            Function<Payment, StoredResponse> respond);
}
