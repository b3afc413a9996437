package org.paydesk.application.payment.port.in;

import java.util.List;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.refund.Refund;

/**
 * Refunds: full or partial, never more than what is left, card and wallet payments for 90 days and ACH for 180. The
 * money is taken first from the customer credit the payment created and still unused, then from the invoices it paid,
 * newest first, which reopen; if the processor refuses, everything is put back.
 */
public interface RefundPaymentUseCase {

    /**
     * Records the refund, asks the processor, records its answer. A retry with the same request key returns the
     * refund it made.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code payment_not_refundable}, {@code refund_window_closed},
     *     {@code refund_exceeds_refundable}, {@code invalid_amount}, {@code currency_mismatch},
     *     {@code credit_already_used}; nothing changed
     * @throws org.paydesk.application.shared.NotFoundException when there is no such payment
     */
    Refund refund(RefundPaymentCommand command);

    /** The payment's refunds, oldest first. */
    List<Refund> refundsOf(PaymentId payment);
}
