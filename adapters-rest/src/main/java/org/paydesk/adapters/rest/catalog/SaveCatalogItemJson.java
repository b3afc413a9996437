package org.paydesk.adapters.rest.catalog;

/** Body of {@code PUT /items/{sku}}: {@code unitPrice} such as "12.50" in {@code currency}; active unless false. */
public record SaveCatalogItemJson(String description, String unitPrice, String currency, Boolean active) {
}
