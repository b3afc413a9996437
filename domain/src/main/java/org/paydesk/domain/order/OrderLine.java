package org.paydesk.domain.order;

import java.util.Objects;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.paydesk.domain.shared.Text;

/**
 * One line of an order: an item, how many, at what unit price.
 *
 * <p>Invariants: {@code 1 <= quantity <= MAX_QUANTITY}; the unit price is positive; the line total is exact (whole
 * quantities of whole cents).
 */
public record OrderLine(Sku sku, String description, int quantity, Money unitPrice) {

    public static final int MAX_QUANTITY = 1_000_000;

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        description = Text.required(description, "description", 200);
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new DomainException("invalid_quantity", "quantity",
                    "quantity must be between 1 and " + MAX_QUANTITY);
        }
        if (unitPrice == null) {
            throw new DomainException("required", "unitPrice", "unitPrice is required");
        }
        if (!unitPrice.isPositive()) {
            throw new DomainException("invalid_amount", "unitPrice", "unitPrice must be greater than zero");
        }
    }

    public Money total() {
        return Money.ofMinor(Math.multiplyExact(unitPrice.minorUnits(), (long) quantity), unitPrice.currency());
    }
}
