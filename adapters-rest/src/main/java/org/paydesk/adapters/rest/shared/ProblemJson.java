package org.paydesk.adapters.rest.shared;

import java.util.List;

/**
 * An RFC 9457 problem document with Paydesk's extensions: a stable machine {@code code} and, for input errors,
 * every field at fault. {@code payment} is set when the problem concerns a payment that was recorded (a decline).
 */
public record ProblemJson(String type, String title, int status, String detail, String code,
        List<FieldErrorJson> errors, String declineCode, Object payment) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault. */
    public record FieldErrorJson(String field, String code, String message) {
    }

    public static ProblemJson of(int status, String title, String code, String detail, List<FieldErrorJson> errors) {
        return new ProblemJson("https://paydesk.org/problems/" + code.replace('_', '-'), title, status, detail, code,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors), null, null);
    }
}
