package org.paydesk.application.order.port.in;

import org.paydesk.domain.order.SalesOrder;

/** Orders from enterprise applications and from staff in Order Entry. */
public interface PlaceOrderUseCase {

    /**
     * Places an open order; Paydesk computes its total from its lines.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code customer_not_found}, {@code order_empty},
     *     {@code invalid_quantity}, {@code item_not_found}, {@code currency_mismatch} ...
     * @throws org.paydesk.application.shared.ConflictException {@code order_number_taken}
     */
    org.paydesk.domain.order.SalesOrder place(PlaceOrderCommand command);
}
