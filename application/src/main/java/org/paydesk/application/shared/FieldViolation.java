package org.paydesk.application.shared;

import java.util.Objects;

/** One input at fault: its name as the caller sent it, a stable code and a readable message. */
public record FieldViolation(String field, String code, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
