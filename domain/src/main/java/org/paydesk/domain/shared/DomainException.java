package org.paydesk.domain.shared;

import java.util.Objects;

/**
 * A business rule refused an operation. Carries a stable machine {@code code} (part of the public error
 * contract, never reworded) and, where one input is at fault, the name of that input as the caller knows it.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    public DomainException(String code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The input at fault, or {@code null} when the rule concerns the request as a whole. */
    public String field() {
        return field;
    }

    /** The same violation, reported against another input name (a caller's path to the value). */
    public DomainException at(String otherField) {
        return new DomainException(code, otherField, getMessage());
    }
}
