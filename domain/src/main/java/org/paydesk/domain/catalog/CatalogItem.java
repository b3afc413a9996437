package org.paydesk.domain.catalog;

import java.util.Objects;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.paydesk.domain.shared.Text;

/**
 * Something the distributor sells, at the price Paydesk holds for it. Carts price their lines from here, never from
 * what a client sends.
 *
 * <p>Invariant: the unit price is positive.
 */
public final class CatalogItem {

    private final Sku sku;
    private String description;
    private Money unitPrice;
    private boolean active;
    private final long version;

    private CatalogItem(Sku sku, String description, Money unitPrice, boolean active, long version) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.description = Text.required(description, "description", 200);
        this.unitPrice = checkedPrice(unitPrice);
        this.active = active;
        this.version = version;
    }

    /** A new item, on sale. */
    public static CatalogItem list(Sku sku, String description, Money unitPrice) {
        return new CatalogItem(sku, description, unitPrice, true, 0);
    }

    /** Rebuilds an item from storage. */
    public static CatalogItem restore(Sku sku, String description, Money unitPrice, boolean active, long version) {
        return new CatalogItem(sku, description, unitPrice, active, version);
    }

    /** New description and price; carts see the new price on their next change. */
    public void revise(String newDescription, Money newUnitPrice, boolean onSale) {
        this.description = Text.required(newDescription, "description", 200);
        this.unitPrice = checkedPrice(newUnitPrice);
        this.active = onSale;
    }

    private static Money checkedPrice(Money price) {
        if (price == null) {
            throw new DomainException("required", "unitPrice", "unitPrice is required");
        }
        if (!price.isPositive()) {
            throw new DomainException("invalid_amount", "unitPrice", "unitPrice must be greater than zero");
        }
        return price;
    }

    public Sku sku() {
        return sku;
    }

    public String description() {
        return description;
    }

    public Money unitPrice() {
        return unitPrice;
    }

    /** Whether it can be put in a cart. */
    public boolean isActive() {
        return active;
    }

    public long version() {
        return version;
    }
}
