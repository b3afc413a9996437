package org.paydesk.adapters.persistence.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;
import static org.paydesk.adapters.persistence.testing.Fixtures.USD;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;
import static org.paydesk.adapters.persistence.testing.Fixtures.usd;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.order.JpaSalesOrderRepository;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;
import org.paydesk.domain.cart.CartStatus;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;

class JpaCartRepositoryTest {

    private static final CatalogItem WIDGET = CatalogItem.list(new Sku("WID-1"), "Widget", usd(1_250));
    private static final CatalogItem BOLT = CatalogItem.list(new Sku("BOLT-9"), "Bolt, M8", usd(15));
    private static final CatalogItem NUT = CatalogItem.list(new Sku("NUT-3"), "Nut, M8", usd(7));

    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anOpenedCartComesBackEmptyInItsCurrencyWithAVersion() {
        CustomerId customer = aCustomer(db, "K-RT").id();
        Cart opened = aCart(customer);

        Cart read = find(opened.id());

        assertEquals(customer, read.customerId());
        assertEquals(USD, read.currency());
        assertEquals(List.of(), read.lines());
        assertEquals(usd(0), read.total());
        assertEquals(CartStatus.OPEN, read.status());
        assertNull(read.orderId());
        assertEquals(T0, read.createdAt(), "to the nanosecond, in UTC");
        assertEquals(T0, read.updatedAt());
        assertEquals(1, read.version());
        assertTrue(db.inTransaction(em -> new JpaCartRepository(em).find(new CartId(999_999))).isEmpty());
    }

    @Test
    void linesAddedChangedAndRemovedAreWrittenInTheirOrderAndEveryChangeMovesTheVersion() {
        CustomerId customer = aCustomer(db, "K-LINES").id();
        Cart opened = aCart(customer);

        change(opened.id(), cart -> {
            cart.setQuantity(WIDGET, 2, T0.plusSeconds(1));
            cart.setQuantity(BOLT, 100, T0.plusSeconds(1));
            cart.setQuantity(NUT, 100, T0.plusSeconds(1));
        });
        Cart three = find(opened.id());
        assertEquals(List.of(new OrderLine(WIDGET.sku(), "Widget", 2, usd(1_250)),
                new OrderLine(BOLT.sku(), "Bolt, M8", 100, usd(15)),
                new OrderLine(NUT.sku(), "Nut, M8", 100, usd(7))), three.lines());
        assertEquals(usd(2 * 1_250 + 100 * 15 + 100 * 7), three.total());
        assertEquals(2, three.version());

        change(opened.id(), cart -> cart.remove(WIDGET.sku(), T0.plusSeconds(2)));
        Cart removedFirst = find(opened.id());
        assertEquals(List.of(BOLT.sku(), NUT.sku()), skus(removedFirst), "the later lines move up");
        assertEquals(3, removedFirst.version());

        // Only a line changes, at the same instant: the version must still move.
        change(opened.id(), cart -> cart.setQuantity(NUT, 5, T0.plusSeconds(2)));
        Cart changedLine = find(opened.id());
        assertEquals(5, changedLine.lines().get(1).quantity());
        assertEquals(4, changedLine.version());
        assertEquals(T0.plusSeconds(2), changedLine.updatedAt());

        change(opened.id(), cart -> {
            cart.remove(BOLT.sku(), T0.plusSeconds(3));
            cart.remove(NUT.sku(), T0.plusSeconds(3));
            cart.setQuantity(WIDGET, 1, T0.plusSeconds(3));
        });
        Cart rewritten = find(opened.id());
        assertEquals(List.of(new OrderLine(WIDGET.sku(), "Widget", 1, usd(1_250))), rewritten.lines());
        long rows = db.inTransaction(em -> em.createQuery("SELECT COUNT(l) FROM CartLineEntity l"
                + " WHERE l.cart.id = :id", Long.class).setParameter("id", opened.id().value()).getSingleResult());
        assertEquals(1L, rows, "the lines past the new end are deleted");
    }

    @Test
    void aCheckedOutCartNamesItsOrderEvenOneAddedInTheSameTransaction() {
        CustomerId customer = aCustomer(db, "K-CHECKOUT").id();
        Cart opened = aCart(customer);
        change(opened.id(), cart -> cart.setQuantity(WIDGET, 3, T0.plusSeconds(1)));

        SalesOrderId orderId = db.inTransaction(em -> {
            JpaCartRepository carts = new JpaCartRepository(em);
            JpaSalesOrderRepository orders = new JpaSalesOrderRepository(em);
            Cart cart = carts.find(opened.id()).orElseThrow();
            SalesOrder order = SalesOrder.place(orders.nextId(), "SO-CART-" + cart.id(), customer,
                    OrderSource.ECOMMERCE, cart.lines(), T0.plusSeconds(2));
            orders.add(order);
            cart.checkOut(order.id(), T0.plusSeconds(2));
            carts.update(cart);
            return order.id();
        });

        Cart read = find(opened.id());
        assertEquals(CartStatus.CHECKED_OUT, read.status());
        assertEquals(orderId, read.orderId());
        assertEquals(List.of(WIDGET.sku()), skus(read));
        assertEquals(usd(3_750), db.inTransaction(em -> new JpaSalesOrderRepository(em).find(orderId))
                .orElseThrow().total());
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "K-STALE").id();
        Cart opened = aCart(customer);
        Cart stale = find(opened.id());
        change(opened.id(), cart -> cart.setQuantity(WIDGET, 1, T0.plusSeconds(1)));

        stale.setQuantity(BOLT, 9, T0.plusSeconds(2));
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> db.run(em -> new JpaCartRepository(em).update(stale)));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(List.of(WIDGET.sku()), skus(find(opened.id())), "the stale lines were not written");
    }

    @Test
    void aLineChangedBetweenOurReadAndOurWriteIsReportedAsAConcurrentUpdate() {
        CustomerId customer = aCustomer(db, "K-RACE").id();
        Cart opened = aCart(customer);
        change(opened.id(), cart -> cart.setQuantity(WIDGET, 1, T0));

        ConflictException conflict = assertThrows(ConflictException.class, () -> db.run(em -> {
            JpaCartRepository carts = new JpaCartRepository(em);
            Cart cart = carts.find(opened.id()).orElseThrow();
            change(opened.id(), theirs -> theirs.setQuantity(WIDGET, 2, T0));
            cart.setQuantity(WIDGET, 7, T0);
            carts.update(cart);
        }));

        assertEquals("concurrent_update", conflict.code());
        assertEquals(2, find(opened.id()).lines().get(0).quantity());
    }

    private static Cart aCart(CustomerId customer) {
        return db.inTransaction(em -> {
            JpaCartRepository carts = new JpaCartRepository(em);
            Cart cart = Cart.open(carts.nextId(), customer, USD, T0);
            carts.add(cart);
            return cart;
        });
    }

    private static void change(CartId id, java.util.function.Consumer<Cart> change) {
        db.run(em -> {
            JpaCartRepository carts = new JpaCartRepository(em);
            Cart cart = carts.find(id).orElseThrow();
            change.accept(cart);
            carts.update(cart);
        });
    }

    private static Cart find(CartId id) {
        return db.inTransaction(em -> new JpaCartRepository(em).find(id)).orElseThrow();
    }

    private static List<Sku> skus(Cart cart) {
        return cart.lines().stream().map(OrderLine::sku).toList();
    }
}
