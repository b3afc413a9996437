package org.paydesk.adapters.rest.cart;

import java.util.List;
import org.paydesk.adapters.rest.order.OrderLineJson;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.cart.Cart;

/** A cart as the API shows it: lines priced from the catalogue and their total; {@code orderId} once checked out. */
public record CartJson(long id, String status, String currency, List<OrderLineJson> lines, MoneyJson total,
        Long orderId) {

    static CartJson of(Cart cart) {
        return new CartJson(cart.id().value(), cart.status().name(), cart.currency().getCurrencyCode(),
                cart.lines().stream().map(OrderLineJson::of).toList(), MoneyJson.of(cart.total()),
                cart.orderId() == null ? null : cart.orderId().value());
    }
}
