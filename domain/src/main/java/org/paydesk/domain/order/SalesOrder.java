package org.paydesk.domain.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.paydesk.domain.shared.Text;

/**
 * A customer's order. Paydesk computes its total from its lines; a confirmed order has an invoice (receivable) for
 * that total, paid by the order's payment when it was confirmed by Pay &amp; Confirm.
 *
 * <p>Invariants: at least one line, all in one currency; {@code total == sum(line totals)} and positive; an order is
 * confirmed or cancelled once and then never changes status again; a confirmed order names its invoice.
 */
public final class SalesOrder {

    /** Lines per order at most; enough for any wholesale order, small enough to price and store at once. */
    public static final int MAX_LINES = 500;

    private final SalesOrderId id;
    private final String number;
    private final CustomerId customerId;
    private final OrderSource source;
    private final List<OrderLine> lines;
    private final Money total;
    private OrderStatus status;
    private PaymentId paymentId;
    private ReceivableId receivableId;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    private SalesOrder(SalesOrderId id, String number, CustomerId customerId, OrderSource source,
            List<OrderLine> lines, OrderStatus status, PaymentId paymentId, ReceivableId receivableId,
            Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.number = Text.required(number, "number", 40);
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.source = Objects.requireNonNull(source, "source");
        this.lines = checkedLines(lines);
        this.total = sum(this.lines);
        this.status = Objects.requireNonNull(status, "status");
        if (status == OrderStatus.CONFIRMED && receivableId == null) {
            throw new IllegalArgumentException("confirmed order " + number + " without an invoice");
        }
        this.paymentId = paymentId;
        this.receivableId = receivableId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /** A new open order. */
    public static SalesOrder place(SalesOrderId id, String number, CustomerId customerId, OrderSource source,
            List<OrderLine> lines, Instant now) {
        return new SalesOrder(id, number, customerId, source, lines, OrderStatus.OPEN, null, null, now, now, 0);
    }

    /** Rebuilds an order from storage. */
    public static SalesOrder restore(SalesOrderId id, String number, CustomerId customerId, OrderSource source,
            List<OrderLine> lines, OrderStatus status, PaymentId paymentId, ReceivableId receivableId,
            Instant createdAt, Instant updatedAt, long version) {
        return new SalesOrder(id, number, customerId, source, lines, status, paymentId, receivableId, createdAt,
                updatedAt, version);
    }

    private static List<OrderLine> checkedLines(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new DomainException("order_empty", "lines", "an order needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new DomainException("too_many_lines", "lines", "an order has at most " + MAX_LINES + " lines");
        }
        List<OrderLine> copy = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = Objects.requireNonNull(lines.get(i), "line");
            if (!line.unitPrice().hasSameCurrencyAs(lines.get(0).unitPrice())) {
                throw new DomainException("currency_mismatch", "lines[" + i + "].unitPrice",
                        "every line of an order is in one currency");
            }
            copy.add(line);
        }
        return List.copyOf(copy);
    }

    private static Money sum(List<OrderLine> lines) {
        Money total = Money.zero(lines.get(0).unitPrice().currency());
        for (OrderLine line : lines) {
            total = total.plus(line.total());
        }
        return total;
    }

    /**
     * A payment for the whole total is about to be taken.
     *
     * @throws DomainException {@code order_cancelled} or {@code order_already_confirmed}
     */
    public void paymentStarted(PaymentId payment, Instant now) {
        requireOpen();
        this.paymentId = Objects.requireNonNull(payment, "payment");
        this.updatedAt = now;
    }

    /** The order's payment went through (or is processing, for ACH): the order is confirmed with its invoice. */
    public void confirmPaid(PaymentId payment, ReceivableId invoice, Instant now) {
        if (!payment.equals(paymentId)) {
            throw new IllegalStateException("order " + number + " is paid by " + paymentId + ", not " + payment);
        }
        confirm(invoice, now);
    }

    /** Confirmed without a payment: the invoice is left open for A/R to collect. */
    public void confirmUnpaid(ReceivableId invoice, Instant now) {
        confirm(invoice, now);
    }

    private void confirm(ReceivableId invoice, Instant now) {
        requireOpen();
        this.receivableId = Objects.requireNonNull(invoice, "invoice");
        this.status = OrderStatus.CONFIRMED;
        this.updatedAt = now;
    }

    /**
     * Cancels an open order.
     *
     * @throws DomainException {@code order_cancelled} or {@code order_already_confirmed}
     */
    public void cancel(Instant now) {
        requireOpen();
        this.status = OrderStatus.CANCELLED;
        this.updatedAt = now;
    }

    private void requireOpen() {
        if (status == OrderStatus.CANCELLED) {
            throw new DomainException("order_cancelled", "orderId", "order " + number + " is cancelled");
        }
        if (status == OrderStatus.CONFIRMED) {
            throw new DomainException("order_already_confirmed", "orderId",
                    "order " + number + " is already confirmed");
        }
    }

    public SalesOrderId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public OrderSource source() {
        return source;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public OrderStatus status() {
        return status;
    }

    /** The latest payment taken for the order (the one that confirmed it, once confirmed), or null. */
    public PaymentId paymentId() {
        return paymentId;
    }

    /** The invoice of a confirmed order, or null. */
    public ReceivableId receivableId() {
        return receivableId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
