package org.paydesk.application.cart.port.in;

import java.util.function.Function;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.domain.payment.Payment;

/**
 * E-commerce Pay &amp; Checkout: the cart becomes an order (once), and the order is paid and confirmed as by Pay &amp;
 * Confirm. However many times and however concurrently it is clicked, a cart is charged at most once; after a
 * decline the same order can be paid again.
 */
public interface CheckoutUseCase {

    /**
     * @throws org.paydesk.application.shared.NotFoundException no such cart of this owner
     * @throws org.paydesk.domain.shared.DomainException {@code cart_empty}, {@code wallet_not_enabled} ...
     * @throws org.paydesk.application.shared.ConflictException {@code order_already_paid}, {@code payment_in_progress}
     */
    IdempotentAnswer checkout(CheckoutCommand command, IdempotentRequest request,
            Function<Payment, StoredResponse> respond);
}
