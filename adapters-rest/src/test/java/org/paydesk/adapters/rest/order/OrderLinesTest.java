package org.paydesk.adapters.rest.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.application.order.port.in.OrderLineRequest;
import org.paydesk.application.shared.FieldViolation;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.shared.Money;

/** Order lines on the wire: what is read from a request, and how an order is shown. */
class OrderLinesTest {

    @Test
    void lines_without_a_price_take_the_catalogues_and_a_given_price_is_kept_exactly() {
        Fields fields = new Fields();
        List<OrderLineRequest> lines = OrderResource.lines(List.of(
                new PlaceOrderJson.Line("BOLT-10", null, 3, null),
                new PlaceOrderJson.Line("NUT-5", "Nuts", 2, new MoneyJson("1.25", "USD"))), fields);

        assertTrue(fields.ok());
        assertNull(lines.get(0).unitPrice());
        assertEquals(Money.ofMinor(125, "USD"), lines.get(1).unitPrice());
        assertEquals(2, lines.get(1).quantity());
    }

    @Test
    void every_bad_line_is_named_with_its_index() {
        Fields fields = new Fields();
        OrderResource.lines(List.of(new PlaceOrderJson.Line("A", null, 0, null),
                new PlaceOrderJson.Line(null, null, -1, null),
                new PlaceOrderJson.Line("C", null, 1, new MoneyJson("1.005", "USD"))), fields);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class, fields::throwIfAny);
        assertEquals(List.of("lines[0].quantity:invalid_quantity", "lines[1].sku:required",
                "lines[1].quantity:invalid_quantity", "lines[2].unitPrice.amount:too_many_fraction_digits"),
                refused.violations().stream().map(v -> v.field() + ":" + v.code()).toList());
    }

    @Test
    void no_lines_is_refused() {
        Fields fields = new Fields();
        OrderResource.lines(null, fields);
        OrderResource.lines(List.of(), fields);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, fields::throwIfAny);
        assertEquals(List.of("required", "order_empty"),
                refused.violations().stream().map(FieldViolation::code).toList());
    }

    @Test
    void an_order_is_shown_with_line_totals_its_total_and_its_payments_status() {
        SalesOrder order = SalesOrder.place(new SalesOrderId(5), "SO-5", new CustomerId(9), OrderSource.STAFF,
                List.of(new OrderLine(new Sku("BOLT-10"), "Bolts", 3, Money.ofMinor(1250, "USD")),
                        new OrderLine(new Sku("NUT-5"), "Nuts", 2, Money.ofMinor(125, "USD"))),
                Instant.parse("2026-05-01T10:00:00Z"));

        OrderJson open = OrderJson.of(order, PaymentStatus.SUCCEEDED);

        assertEquals("40.00", open.total().amount());
        assertEquals("37.50", open.lines().get(0).lineTotal().amount());
        assertEquals("12.50", open.lines().get(0).unitPrice().amount());
        assertEquals("OPEN", open.status());
        assertEquals("STAFF", open.source());
        assertNull(open.paymentId());
        assertNull(open.paymentStatus(), "no payment, no payment status");
        assertNull(open.receivableId());
    }
}
