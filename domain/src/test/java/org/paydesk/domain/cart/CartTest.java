package org.paydesk.domain.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.catalog.CatalogItem;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.shared.Money;

class CartTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final CatalogItem GLOVES = CatalogItem.list(new Sku("GLOVE-L"), "Gloves L",
            Money.parse("4.50", "USD"));
    private static final CatalogItem TAPE = CatalogItem.list(new Sku("TAPE-50"), "Tape 50 m",
            Money.parse("12.00", "USD"));

    private final Cart cart = Cart.open(new CartId(1), new CustomerId(7), Currency.getInstance("USD"), NOW);

    @Test
    void linesArePricedFromTheCatalogueOnePerItem() {
        cart.setQuantity(GLOVES, 10, NOW);
        cart.setQuantity(TAPE, 1, NOW);
        cart.setQuantity(TAPE, 3, NOW);

        assertEquals(2, cart.lines().size());
        assertEquals(Money.parse("81.00", "USD"), cart.total());
    }

    @Test
    void aNewPriceAppliesWhenTheLineChanges() {
        cart.setQuantity(GLOVES, 2, NOW);
        CatalogItem dearer = CatalogItem.restore(GLOVES.sku(), GLOVES.description(), Money.parse("5.00", "USD"),
                true, 1);

        cart.setQuantity(dearer, 2, NOW);

        assertEquals(Money.parse("10.00", "USD"), cart.total());
    }

    @Test
    void refusesWhatCannotBeBought() {
        CatalogItem withdrawn = CatalogItem.restore(new Sku("OLD"), "Old", Money.parse("1.00", "USD"), false, 0);
        CatalogItem euros = CatalogItem.list(new Sku("EU"), "Euro item", Money.parse("1.00", "EUR"));

        assertRefused("invalid_quantity", "quantity", () -> cart.setQuantity(GLOVES, 0, NOW));
        assertRefused("item_not_available", "sku", () -> cart.setQuantity(withdrawn, 1, NOW));
        assertRefused("currency_mismatch", "sku", () -> cart.setQuantity(euros, 1, NOW));
        assertRefused("line_not_found", "sku", () -> cart.remove(new Sku("GLOVE-L"), NOW));
        assertEquals(Money.parse("0.00", "USD"), cart.total());
    }

    @Test
    void checkoutFreezesTheCartAndNeedsLines() {
        assertRefused("cart_empty", "lines", () -> cart.checkOut(new SalesOrderId(5), NOW));
        assertNull(cart.orderId());

        cart.setQuantity(GLOVES, 1, NOW);
        cart.checkOut(new SalesOrderId(5), NOW);

        assertEquals(CartStatus.CHECKED_OUT, cart.status());
        assertEquals(new SalesOrderId(5), cart.orderId());
        assertRefused("cart_checked_out", "cartId", () -> cart.setQuantity(TAPE, 1, NOW));
        assertRefused("cart_checked_out", "cartId", () -> cart.remove(GLOVES.sku(), NOW));
        assertRefused("cart_checked_out", "cartId", () -> cart.checkOut(new SalesOrderId(6), NOW));
    }

    @Test
    void skusAndPricesAreChecked() {
        assertRefused("invalid_sku", "sku", () -> new Sku("has space"));
        assertRefused("invalid_sku", "sku", () -> new Sku(""));
        assertRefused("invalid_amount", "unitPrice",
                () -> CatalogItem.list(new Sku("X"), "X", Money.parse("0.00", "USD")));
    }
}
