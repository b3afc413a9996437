package org.paydesk.domain.shared;

import java.util.regex.Pattern;

/** Guards for the short identifying texts the domain keeps (numbers, names, addresses). */
public final class Text {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int EMAIL_LENGTH = 254;

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

    /**
     * Returns the trimmed e-mail address: one {@code @}, a dot in the domain, no spaces, at most 254 characters.
     *
     * @throws DomainException {@code required}, {@code too_long} or {@code invalid_email}, naming {@code field}
     */
    public static String email(String value, String field) {
        String trimmed = required(value, field, EMAIL_LENGTH);
        if (!EMAIL.matcher(trimmed).matches()) {
            throw new DomainException("invalid_email", field, field + " is not an e-mail address");
        }
        return trimmed;
    }
}
