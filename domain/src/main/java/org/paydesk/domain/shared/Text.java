package org.paydesk.domain.shared;

/** Guards for the short identifying texts the domain keeps (numbers, names, addresses). */
public final class Text {

    private Text() {
    }

    /**
     * Returns the trimmed text, refusing blank or over-long values.
     *
     * @throws DomainException {@code required} or {@code too_long}, naming {@code field}
     */
    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException("required", field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new DomainException("too_long", field, field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
