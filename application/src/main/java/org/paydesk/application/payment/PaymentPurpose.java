package org.paydesk.application.payment;

import org.paydesk.domain.payment.Payment;

/**
 * What a payment is taken for, beyond paying invoices: an order to confirm, a cart to check out. It is told of the
 * payment in the transaction that records it, under the customer's lock, before anything is sent to the processor,
 * and may refuse it (the order is already paid, another payment for it is still running): then nothing is recorded
 * and nothing charged.
 */
@FunctionalInterface
public interface PaymentPurpose {

    /** Nothing beyond the invoices the payment names. */
    PaymentPurpose NONE = payment -> { };

    /**
     * @throws RuntimeException (a DomainException, ConflictException, NotFoundException) to refuse the payment
     */
    void recorded(Payment payment);
}
