package org.paydesk.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

class SalesOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static OrderLine line(String sku, int quantity, String price) {
        return new OrderLine(new Sku(sku), "Item " + sku, quantity, Money.parse(price, "USD"));
    }

    private static SalesOrder order(OrderLine... lines) {
        return SalesOrder.place(new SalesOrderId(1), "SO-1", new CustomerId(7), OrderSource.STAFF, List.of(lines),
                NOW);
    }

    @Test
    void theTotalIsTheExactSumOfTheLines() {
        SalesOrder order = order(line("A", 3, "0.33"), line("B", 1_000, "19.99"));

        assertEquals(Money.parse("19990.99", "USD"), order.total());
        assertEquals(OrderStatus.OPEN, order.status());
    }

    @Test
    void anOrderNeedsLinesWithPositiveQuantitiesInOneCurrency() {
        assertRefused("order_empty", "lines", () -> order());
        assertRefused("invalid_quantity", "quantity", () -> line("A", 0, "1.00"));
        assertRefused("invalid_quantity", "quantity", () -> line("A", -2, "1.00"));
        assertRefused("invalid_amount", "unitPrice", () -> line("A", 1, "0.00"));
        assertRefused("currency_mismatch", "lines[1].unitPrice", () -> order(line("A", 1, "1.00"),
                new OrderLine(new Sku("B"), "B", 1, Money.parse("1.00", "EUR"))));
        assertRefused("too_many_lines", "lines", () -> SalesOrder.place(new SalesOrderId(1), "SO-1",
                new CustomerId(7), OrderSource.STAFF, Collections.nCopies(SalesOrder.MAX_LINES + 1,
                        line("A", 1, "1.00")), NOW));
    }

    @Test
    void aPaidOrderIsConfirmedWithItsInvoiceOnceAndForAll() {
        SalesOrder order = order(line("A", 1, "5.00"));
        order.paymentStarted(new PaymentId(3), NOW);

        order.confirmPaid(new PaymentId(3), new ReceivableId(9), NOW);

        assertEquals(OrderStatus.CONFIRMED, order.status());
        assertEquals(new ReceivableId(9), order.receivableId());
        assertRefused("order_already_confirmed", "orderId", () -> order.paymentStarted(new PaymentId(4), NOW));
        assertRefused("order_already_confirmed", "orderId", () -> order.cancel(NOW));
    }

    @Test
    void onlyTheOrdersOwnPaymentConfirmsIt() {
        SalesOrder order = order(line("A", 1, "5.00"));
        order.paymentStarted(new PaymentId(3), NOW);

        assertThrows(IllegalStateException.class,
                () -> order.confirmPaid(new PaymentId(4), new ReceivableId(9), NOW));
        assertEquals(OrderStatus.OPEN, order.status());
    }

    @Test
    void aCancelledOrderTakesNoPaymentAndNoConfirmation() {
        SalesOrder order = order(line("A", 1, "5.00"));
        order.cancel(NOW);

        assertRefused("order_cancelled", "orderId", () -> order.paymentStarted(new PaymentId(3), NOW));
        assertRefused("order_cancelled", "orderId", () -> order.confirmUnpaid(new ReceivableId(9), NOW));
        assertEquals(OrderStatus.CANCELLED, order.status());
    }
}
