package org.paydesk.application.order.port.in;

import org.paydesk.domain.shared.Money;

/**
 * One line of an order to place.
 *
 * @param description the line's text, or null to take the catalogue item's
 * @param unitPrice the agreed unit price (an enterprise application's), or null to take the catalogue's price
 */
public record OrderLineRequest(String sku, String description, int quantity, Money unitPrice) {
}
