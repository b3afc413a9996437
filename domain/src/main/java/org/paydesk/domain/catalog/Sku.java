package org.paydesk.domain.catalog;

import java.util.regex.Pattern;
import org.paydesk.domain.shared.DomainException;

/** An item's stock-keeping unit: the business key of a catalogue item, 1 to 40 letters, digits, '.', '_', '-'. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainException("invalid_sku", "sku",
                    "sku must be 1 to 40 letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
