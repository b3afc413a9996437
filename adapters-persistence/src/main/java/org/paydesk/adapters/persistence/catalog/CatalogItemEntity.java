package org.paydesk.adapters.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code catalog_item}, keyed by its SKU. Description, price and whether it is on sale change; the version
 * moves with them. The flag is a number (0 or 1) because neither script dialect may use BOOLEAN.
 */
@Entity
@Table(name = "catalog_item")
class CatalogItemEntity {

    @Id
    @Column(name = "sku", nullable = false, updatable = false, length = 40)
    private String sku;

    @Column(name = "description", nullable = false, length = 200)
    private String description;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    @Column(name = "is_active", nullable = false)
    private int isActive;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CatalogItemEntity() {
    }

    CatalogItemEntity(String sku, String description, String currency, long unitPriceMinor, boolean active) {
        this.sku = sku;
        revise(description, currency, unitPriceMinor, active);
    }

    void revise(String description, String currency, long unitPriceMinor, boolean active) {
        this.description = description;
        this.currency = currency;
        this.unitPriceMinor = unitPriceMinor;
        this.isActive = active ? 1 : 0;
    }

    String sku() {
        return sku;
    }

    String description() {
        return description;
    }

    String currency() {
        return currency;
    }

    long unitPriceMinor() {
        return unitPriceMinor;
    }

    boolean active() {
        return isActive == 1;
    }

    long version() {
        return version;
    }
}
