package org.paydesk.adapters.rest.cart;

/**
 * Body of {@code PUT /carts/{id}/lines/{sku}}: how many. Whatever else a client sends (a unit price, a total) is
 * ignored: prices come from the catalogue.
 */
public record CartLineJson(Integer quantity) {
}
