package org.paydesk.domain.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * A buyer's cart. Each line is priced from the catalogue item when it is put in or changed; the total is always the
 * sum of those lines, so whatever total a client believes in is never used.
 *
 * <p>Invariants: at most one line per item, each with {@code quantity >= 1}; all prices in the cart's currency;
 * once checked out the cart names its order and its lines never change again.
 */
public final class Cart {

    /** Lines per cart at most, as for an order. */
    public static final int MAX_LINES = 200;

    private final CartId id;
    private final CustomerId customerId;
    private final Currency currency;
    private final List<OrderLine> lines;
    private CartStatus status;
    private SalesOrderId orderId;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    private Cart(CartId id, CustomerId customerId, Currency currency, List<OrderLine> lines, CartStatus status,
            SalesOrderId orderId, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.lines = new ArrayList<>(lines);
        this.status = Objects.requireNonNull(status, "status");
        if ((status == CartStatus.CHECKED_OUT) != (orderId != null)) {
            throw new IllegalArgumentException("cart " + id + " is " + status + " with order " + orderId);
        }
        this.orderId = orderId;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /** A new empty cart in the customer's currency. */
    public static Cart open(CartId id, CustomerId customerId, Currency currency, Instant now) {
        return new Cart(id, customerId, currency, List.of(), CartStatus.OPEN, null, now, now, 0);
    }

    /** Rebuilds a cart from storage. */
    public static Cart restore(CartId id, CustomerId customerId, Currency currency, List<OrderLine> lines,
            CartStatus status, SalesOrderId orderId, Instant createdAt, Instant updatedAt, long version) {
        return new Cart(id, customerId, currency, lines, status, orderId, createdAt, updatedAt, version);
    }

    /**
     * Puts the item in the cart with this quantity, or changes the quantity of its line, at the item's current
     * price.
     *
     * @throws DomainException {@code invalid_quantity}, {@code item_not_available}, {@code currency_mismatch},
     *     {@code too_many_lines} or {@code cart_checked_out}
     */
    public void setQuantity(CatalogItem item, int quantity, Instant now) {
        requireOpen();
        if (!item.isActive()) {
            throw new DomainException("item_not_available", "sku", "item " + item.sku() + " is not on sale");
        }
        if (!item.unitPrice().currency().equals(currency)) {
            throw new DomainException("currency_mismatch", "sku", "item " + item.sku() + " is priced in "
                    + item.unitPrice().currency().getCurrencyCode() + ", the cart in " + currency.getCurrencyCode());
        }
        OrderLine line = new OrderLine(item.sku(), item.description(), quantity, item.unitPrice());
        int index = indexOf(item.sku());
        if (index >= 0) {
            lines.set(index, line);
        } else {
            if (lines.size() >= MAX_LINES) {
                throw new DomainException("too_many_lines", "sku", "a cart has at most " + MAX_LINES + " lines");
            }
            lines.add(line);
        }
        updatedAt = now;
    }

    /**
     * Takes the item's line out of the cart.
     *
     * @throws DomainException {@code line_not_found} or {@code cart_checked_out}
     */
    public void remove(Sku sku, Instant now) {
        requireOpen();
        int index = indexOf(sku);
        if (index < 0) {
            throw new DomainException("line_not_found", "sku", "the cart has no line for " + sku);
        }
        lines.remove(index);
        updatedAt = now;
    }

    /**
     * The cart becomes this order; from now on its lines are frozen.
     *
     * @throws DomainException {@code cart_empty} or {@code cart_checked_out}
     */
    public void checkOut(SalesOrderId order, Instant now) {
        requireOpen();
        requireLines();
        this.orderId = Objects.requireNonNull(order, "order");
        this.status = CartStatus.CHECKED_OUT;
        this.updatedAt = now;
    }

    /** @throws DomainException {@code cart_empty} when there is nothing to buy */
    public void requireLines() {
        if (lines.isEmpty()) {
            throw new DomainException("cart_empty", "lines", "the cart is empty");
        }
    }

    private void requireOpen() {
        if (status == CartStatus.CHECKED_OUT) {
            throw new DomainException("cart_checked_out", "cartId", "cart " + id + " is checked out as order "
                    + orderId + "; its lines can no longer change");
        }
    }

    private int indexOf(Sku sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }

    public boolean belongsTo(CustomerId customer) {
        return customerId.equals(customer);
    }

    /** The sum of the lines at the prices Paydesk holds; zero for an empty cart. */
    public Money total() {
        Money total = Money.zero(currency);
        for (OrderLine line : lines) {
            total = total.plus(line.total());
        }
        return total;
    }

    public CartId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public Currency currency() {
        return currency;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public CartStatus status() {
        return status;
    }

    /** The order the cart became at checkout, or null while it is open. */
    public SalesOrderId orderId() {
        return orderId;
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
