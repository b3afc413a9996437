package org.paydesk.application.order.port.in;

import java.time.LocalDate;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderStatus;

/**
 * Order Summary's search: every non-null criterion must hold.
 *
 * @param number the order number, exactly
 * @param from first day (UTC) the order was placed on, inclusive
 * @param to last day (UTC) the order was placed on, inclusive
 */
public record OrderCriteria(String number, CustomerId customerId, OrderStatus status, LocalDate from, LocalDate to) {

    public OrderCriteria {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "invalid_date_range", "to must not be before from");
        }
    }

    /** The same search restricted to one customer (a buyer sees only their own orders). */
    public OrderCriteria forCustomer(CustomerId customer) {
        return new OrderCriteria(number, customer, status, from, to);
    }
}
