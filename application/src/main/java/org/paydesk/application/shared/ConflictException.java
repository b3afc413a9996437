package org.paydesk.application.shared;

/** The request clashes with the current state (a duplicate, a concurrent change); it can be corrected or retried. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    public ConflictException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
