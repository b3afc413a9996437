package org.paydesk.adapters.rest.catalog;

import org.paydesk.domain.catalog.CatalogItem;

/**
 * A catalogue item as the API shows it: the same shape {@code PUT /items/{sku}} takes, so what is read can be sent
 * back revised. {@code unitPrice} is a decimal string in {@code currency}'s minor units, never a float.
 */
public record CatalogItemJson(String sku, String description, String unitPrice, String currency, boolean active) {

    static CatalogItemJson of(CatalogItem item) {
        return new CatalogItemJson(item.sku().value(), item.description(), item.unitPrice().toDecimalString(),
                item.unitPrice().currency().getCurrencyCode(), item.isActive());
    }
}
