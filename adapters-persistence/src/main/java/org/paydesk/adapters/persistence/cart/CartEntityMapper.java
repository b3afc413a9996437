package org.paydesk.adapters.persistence.cart;

import java.util.Currency;
import java.util.List;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.shared.Money;

/** Between {@link Cart} and its rows; the version travels into the domain object so stale updates fail. */
final class CartEntityMapper {

    private CartEntityMapper() {
    }

    static Cart toDomain(CartEntity entity) {
        List<OrderLine> lines = entity.lines().stream()
                .map(line -> new OrderLine(new Sku(line.sku()), line.description(), line.quantity(),
                        Money.ofMinor(line.unitPriceMinor(), line.currency())))
                .toList();
        return Cart.restore(new CartId(entity.id()), new CustomerId(entity.customerId()),
                Currency.getInstance(entity.currency()), lines, entity.status(),
                entity.orderId() == null ? null : new SalesOrderId(entity.orderId()), entity.createdAt(),
                entity.updatedAt(), entity.version());
    }

    static CartEntity toNewEntity(Cart cart) {
        CartEntity entity = new CartEntity(cart.id().value(), cart.customerId().value(),
                cart.currency().getCurrencyCode(), cart.createdAt());
        copyChanges(cart, entity);
        return entity;
    }

    /** Copies the lines (by position) and the cart's status, order and update time. */
    static void copyChanges(Cart cart, CartEntity entity) {
        List<OrderLine> lines = cart.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            entity.putLine(i, line.sku().value(), line.description(), line.quantity(),
                    line.unitPrice().currency().getCurrencyCode(), line.unitPrice().minorUnits());
        }
        entity.cutLinesFrom(lines.size());
        entity.changeState(cart.status(), cart.orderId() == null ? null : cart.orderId().value(), cart.updatedAt());
    }
}
