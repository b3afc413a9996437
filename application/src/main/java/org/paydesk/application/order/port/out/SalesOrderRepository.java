package org.paydesk.application.order.port.out;

import java.util.Optional;
import org.paydesk.application.order.port.in.OrderCriteria;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentId;

/**
 * Stores orders with their lines. An order's status and payment change only while its customer is locked
 * ({@link org.paydesk.application.customer.port.out.CustomerRepository#lock}); versions catch anything else.
 */
public interface SalesOrderRepository {

    SalesOrderId nextId();

    void add(SalesOrder order);

    Optional<SalesOrder> find(SalesOrderId id);

    /** The order whose latest payment is this one. */
    Optional<SalesOrder> findByPayment(PaymentId payment);

    boolean numberTaken(String number);

    /**
     * Writes the order's changed status, payment and invoice (lines never change).
     *
     * @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} when it changed since read
     */
    void update(SalesOrder order);

    /** Orders matching every given criterion, newest first. */
    Page<SalesOrder> search(OrderCriteria criteria, PageRequest page);
}
