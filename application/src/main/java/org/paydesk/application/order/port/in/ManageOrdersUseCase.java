package org.paydesk.application.order.port.in;

import org.paydesk.application.shared.Actor;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;

/** Confirming an order without a payment, and cancelling one. */
public interface ManageOrdersUseCase {

    /**
     * Confirms the order on account: its invoice is created open, for A/R to collect.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code payment_required} when the customer requires payment
     *     upon confirmation; {@code order_cancelled}, {@code order_already_confirmed}
     * @throws org.paydesk.application.shared.ConflictException {@code payment_in_progress}
     */
    SalesOrder confirm(SalesOrderId id, Actor actor);

    /**
     * @throws org.paydesk.domain.shared.DomainException {@code order_cancelled}, {@code order_already_confirmed}
     * @throws org.paydesk.application.shared.ConflictException {@code payment_in_progress}
     */
    SalesOrder cancel(SalesOrderId id, Actor actor);
}
