package org.paydesk.application.order.port.in;

import java.util.function.Function;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.domain.payment.Payment;

/**
 * Order Entry's Pay &amp; Confirm: charge the order's total and confirm it in one step. A payment that succeeds, or
 * an ACH payment that is processing, confirms the order and pays its new invoice; a decline leaves it open.
 */
public interface PayAndConfirmUseCase {

    /**
     * @param respond renders the recorded payment as the caller's response, kept for the request's key
     * @throws org.paydesk.application.shared.NotFoundException no such order (or not the owner's)
     * @throws org.paydesk.domain.shared.DomainException {@code order_cancelled}
     * @throws org.paydesk.application.shared.ConflictException {@code order_already_paid}, {@code payment_in_progress}
     */
    IdempotentAnswer payAndConfirm(PayOrderCommand command, IdempotentRequest request,
            Function<Payment, StoredResponse> respond);
}
