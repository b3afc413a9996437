package org.paydesk.adapters.rest.order;

import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;

/**
 * Body of {@code POST /orders}. Without {@code number} Paydesk numbers the order. A line without {@code unitPrice}
 * (or {@code description}) takes the catalogue item's; an enterprise application may send its agreed price.
 */
public record PlaceOrderJson(Long customerId, String number, List<Line> lines) {

    /** One line to order. */
    public record Line(String sku, String description, Integer quantity, MoneyJson unitPrice) {
    }
}
