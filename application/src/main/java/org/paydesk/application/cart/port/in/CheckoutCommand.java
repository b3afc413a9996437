package org.paydesk.application.cart.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.cart.CartId;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/**
 * Pay a cart's total and turn it into a confirmed order.
 *
 * @param method a card, ACH or wallet token given now, or null when {@code savedMethod} names a saved method
 * @param owner the customer the buyer acts for
 */
public record CheckoutCommand(CartId cartId, CustomerId owner, PaymentMethod method, PaymentMethodTokenId savedMethod,
        boolean saveMethod, Actor actor) {

    public CheckoutCommand {
        Objects.requireNonNull(cartId, "cartId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(actor, "actor");
    }
}
