package org.paydesk.adapters.persistence.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A row of {@code sales_order_line}: one line of an order, keyed by the order and its position. Written with its
 * order and never changed (every column is {@code updatable = false}), so the order's version guards it.
 */
@Entity
@Table(name = "sales_order_line")
@IdClass(SalesOrderLineKey.class)
class SalesOrderLineEntity {

    // Part of the key, and a relationship (not a bare id) so the order is inserted before its lines.
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private SalesOrderEntity salesOrder;

    @Id
    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "sku", nullable = false, updatable = false, length = 40)
    private String sku;

    @Column(name = "description", nullable = false, updatable = false, length = 200)
    private String description;

    @Column(name = "quantity", nullable = false, updatable = false)
    private int quantity;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "unit_price_minor", nullable = false, updatable = false)
    private long unitPriceMinor;

    protected SalesOrderLineEntity() {
    }

    SalesOrderLineEntity(SalesOrderEntity salesOrder, int lineNo, String sku, String description, int quantity,
            String currency, long unitPriceMinor) {
        this.salesOrder = salesOrder;
        this.lineNo = lineNo;
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
