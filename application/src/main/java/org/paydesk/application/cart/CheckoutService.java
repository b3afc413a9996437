package org.paydesk.application.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Function;
import org.paydesk.application.cart.port.in.CheckoutCommand;
import org.paydesk.application.cart.port.in.CheckoutUseCase;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.order.port.in.PayAndConfirmUseCase;
import org.paydesk.application.order.port.in.PayOrderCommand;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;

/**
 * Pay &amp; Checkout: the cart becomes its order (once, {@link CartService#orderFor}) and the order is paid and
 * confirmed by Pay &amp; Confirm, which charges an order at most once. A retry with the same key replays the first
 * answer; after a decline the same order can be paid again with another method.
 */
@ApplicationScoped
public class CheckoutService implements CheckoutUseCase {

    private final CartService carts;
    private final PayAndConfirmUseCase payAndConfirm;

    @Inject
    public CheckoutService(CartService carts, PayAndConfirmUseCase payAndConfirm) {
        this.carts = carts;
        this.payAndConfirm = payAndConfirm;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public IdempotentAnswer checkout(CheckoutCommand command, IdempotentRequest request,
            Function<Payment, StoredResponse> respond) {
        if ((command.method() == null) == (command.savedMethod() == null)) {
            throw new InvalidRequestException("paymentMethod", "payment_method_required",
                    "give either paymentMethod or savedMethodId");
        }
        carts.get(command.cartId(), command.owner());
        if (command.method() != null) {
            carts.requireOffered(command.method().type());
        }
        SalesOrderId order = carts.orderFor(command.cartId(), command.owner(), command.actor());
        return payAndConfirm.payAndConfirm(new PayOrderCommand(order, command.method(), command.savedMethod(),
                command.saveMethod(), PaymentChannel.ECOMMERCE, command.actor(), command.owner()), request, respond);
    }

    /** For CDI's proxy only. */
    protected CheckoutService() {
        this(null, null);
    }
}
