package org.paydesk.application.catalog.port.in;

import org.paydesk.application.shared.Actor;
import org.paydesk.domain.shared.Money;

/** Put an item on sale, or change an existing one's description, price and availability. */
public record AddCatalogItemCommand(String sku, String description, Money unitPrice, boolean active, Actor actor) {
}
