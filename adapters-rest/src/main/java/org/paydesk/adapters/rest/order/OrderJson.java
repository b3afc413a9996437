package org.paydesk.adapters.rest.order;

import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.PaymentStatus;

/**
 * An order as the API shows it (Order Summary). {@code paymentId} and {@code paymentStatus} are those of the latest
 * payment taken for it; {@code receivableId} is the invoice of a confirmed order.
 */
public record OrderJson(long id, String number, long customerId, String source, String status,
        List<OrderLineJson> lines, MoneyJson total, Long paymentId, String paymentStatus, Long receivableId,
        String createdAt, String updatedAt) {

    /** @param paymentStatus the status of {@code order.paymentId()}, or null when it has none */
    public static OrderJson of(SalesOrder order, PaymentStatus paymentStatus) {
        return new OrderJson(order.id().value(), order.number(), order.customerId().value(), order.source().name(),
                order.status().name(), order.lines().stream().map(OrderLineJson::of).toList(),
                MoneyJson.of(order.total()), order.paymentId() == null ? null : order.paymentId().value(),
                order.paymentId() == null || paymentStatus == null ? null : paymentStatus.name(),
                order.receivableId() == null ? null : order.receivableId().value(),
                order.createdAt().toString(), order.updatedAt().toString());
    }
}
