package org.paydesk.application.order.port.in;

import java.util.Optional;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentId;

/** Order Summary. */
public interface FindOrdersQuery {

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such order */
    SalesOrder get(SalesOrderId id);

    Page<SalesOrder> search(OrderCriteria criteria, PageRequest page);

    /** The order a payment was taken for, if it was taken for one. */
    Optional<SalesOrder> paidBy(PaymentId payment);
}
