package org.paydesk.application.payment.port.in;

import java.util.function.Function;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.domain.payment.Payment;

/**
 * A/R "Receive Payment": charge the customer's payment method and apply the money to invoices, keeping any
 * remainder as customer credit. A decline is a normal outcome: the payment comes back {@code FAILED} with its
 * reason and no invoice is changed.
 */
public interface ReceivePaymentUseCase {

    /**
     * @throws org.paydesk.domain.shared.DomainException when the instruction breaks a rule (nothing is charged)
     * @throws org.paydesk.application.shared.NotFoundException when the customer does not exist
     */
    Payment receive(ReceivePaymentCommand command);

    /**
     * The same, under an Idempotency-Key claimed and answered in the payment's own two transactions: a retry with
     * the same request replays the first answer; the same key with another request is refused
     * ({@code idempotency_key_reused}); a request still running answers {@code request_in_progress}.
     *
     * @param respond renders the payment as the response the caller gets, kept for replays
     */
    IdempotentAnswer receive(ReceivePaymentCommand command, IdempotentRequest request,
            Function<Payment, StoredResponse> respond);
}
