package org.paydesk.adapters.persistence.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A row of {@code cart_line}: the line at one position of a cart. When the cart changes, the line at a position is
 * rewritten in place (the key never moves), lines past the new end are deleted and new ones are added at the end.
 * The cart's version guards it.
 */
@Entity
@Table(name = "cart_line")
@IdClass(CartLineKey.class)
class CartLineEntity {

    // Part of the key, and a relationship (not a bare id) so the cart is inserted before its lines.
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cart_id", nullable = false, updatable = false)
    private CartEntity cart;

    @Id
    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "sku", nullable = false, length = 40)
    private String sku;

    @Column(name = "description", nullable = false, length = 200)
    private String description;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    protected CartLineEntity() {
    }

    CartLineEntity(CartEntity cart, int lineNo, String sku, String description, int quantity, String currency,
            long unitPriceMinor) {
        this.cart = cart;
        this.lineNo = lineNo;
        rewrite(sku, description, quantity, currency, unitPriceMinor);
    }

    /** Whether the line already holds exactly these values. */
    boolean holds(String sku, String description, int quantity, String currency, long unitPriceMinor) {
        return this.sku.equals(sku) && this.description.equals(description) && this.quantity == quantity
                && this.currency.equals(currency) && this.unitPriceMinor == unitPriceMinor;
    }

    void rewrite(String sku, String description, int quantity, String currency, long unitPriceMinor) {
        this.sku = sku;
        this.description = description;
        this.quantity = quantity;
        this.currency = currency;
        this.unitPriceMinor = unitPriceMinor;
    }

    int lineNo() {
        return lineNo;
    }

    String sku() {
        return sku;
    }

    String description() {
        return description;
    }

    int quantity() {
        return quantity;
    }

    String currency() {
        return currency;
    }

    long unitPriceMinor() {
        return unitPriceMinor;
    }
}
