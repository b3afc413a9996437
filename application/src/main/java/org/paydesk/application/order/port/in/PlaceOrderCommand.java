package org.paydesk.application.order.port.in;

import java.util.List;
import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderSource;

/**
 * Place an order for a customer.
 *
 * @param number the order number the enterprise application uses, or null to let Paydesk number it
 */
public record PlaceOrderCommand(CustomerId customerId, String number, OrderSource source,
        List<OrderLineRequest> lines, Actor actor) {

    public PlaceOrderCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
