package org.paydesk.application.shared;

import java.util.List;

/** A request whose inputs are wrong; nothing was changed. Lists every input at fault. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.isEmpty() ? "invalid request" : violations.get(0).message());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String code, String message) {
        this(List.of(new FieldViolation(field, code, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
