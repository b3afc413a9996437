package org.paydesk.application.order.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/**
 * Pay an order's whole total and confirm it.
 *
 * @param method the method given now, or null when {@code savedMethod} names one of the customer's saved methods
 * @param saveMethod "Save for future payments"
 * @param owner the customer the caller acts for (a buyer), or null for staff; any other customer's order is not found
 */
public record PayOrderCommand(SalesOrderId orderId, PaymentMethod method, PaymentMethodTokenId savedMethod,
        boolean saveMethod, PaymentChannel channel, Actor actor, CustomerId owner) {

    public PayOrderCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
    }
}
