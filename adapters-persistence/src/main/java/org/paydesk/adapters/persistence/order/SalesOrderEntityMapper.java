package org.paydesk.adapters.persistence.order;

import java.util.List;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/**
 * Between {@link SalesOrder} and its rows. The order is rebuilt from its lines (the domain computes the total), and a
 * stored total that disagrees with them is refused rather than shown.
 */
final class SalesOrderEntityMapper {

    private SalesOrderEntityMapper() {
    }

    static SalesOrder toDomain(SalesOrderEntity entity) {
        List<OrderLine> lines = entity.lines().stream()
                .map(line -> new OrderLine(new Sku(line.sku()), line.description(), line.quantity(),
                        Money.ofMinor(line.unitPriceMinor(), line.currency())))
                .toList();
        SalesOrder order = SalesOrder.restore(new SalesOrderId(entity.id()), entity.orderNumber(),
                new CustomerId(entity.customerId()), entity.source(), lines, entity.status(),
                entity.paymentId() == null ? null : new PaymentId(entity.paymentId()),
                entity.receivableId() == null ? null : new ReceivableId(entity.receivableId()),
                entity.createdAt(), entity.updatedAt(), entity.version());
        Money stored = Money.ofMinor(entity.totalMinor(), entity.currency());
        if (!order.total().equals(stored)) {
            throw new IllegalStateException("order " + entity.orderNumber() + " is stored with total " + stored
                    + " but its lines add up to " + order.total());
        }
        return order;
    }

    static SalesOrderEntity toNewEntity(SalesOrder order) {
        SalesOrderEntity entity = new SalesOrderEntity(order.id().value(), order.number(), order.customerId().value(),
                order.source(), order.total().currency().getCurrencyCode(), order.total().minorUnits(),
                order.createdAt());
        for (OrderLine line : order.lines()) {
            entity.addLine(line.sku().value(), line.description(), line.quantity(),
                    line.unitPrice().currency().getCurrencyCode(), line.unitPrice().minorUnits());
        }
        copyChanges(order, entity);
        return entity;
    }

    /** Copies what may change after the order was placed; the lines never do. */
    static void copyChanges(SalesOrder order, SalesOrderEntity entity) {
        entity.changeState(order.status(), order.paymentId() == null ? null : order.paymentId().value(),
                order.receivableId() == null ? null : order.receivableId().value(), order.updatedAt());
    }
}
