package org.paydesk.adapters.rest.order;

import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.order.OrderLine;

/** One line of an order or a cart as the API shows it; {@code lineTotal} is Paydesk's, never a client's. */
public record OrderLineJson(String sku, String description, int quantity, MoneyJson unitPrice, MoneyJson lineTotal) {

    public static OrderLineJson of(OrderLine line) {
        return new OrderLineJson(line.sku().value(), line.description(), line.quantity(),
                MoneyJson.of(line.unitPrice()), MoneyJson.of(line.total()));
    }
}
