package org.paydesk.adapters.rest.shared;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.paydesk.application.shared.FieldViolation;

/** Builds problem+json responses, and decides which codes are malformed input (400) and which broken rules (422). */
public final class Problems {

    /** Codes that say the input itself is malformed; every other business code is a 422. */
    private static final Set<String> MALFORMED_INPUT = Set.of("invalid_request", "malformed_json", "required",
            "too_long", "invalid_amount", "too_many_fraction_digits", "amount_too_large", "invalid_currency",
            "invalid_email", "invalid_date", "invalid_payment_method_token", "invalid_payment_method_type",
            "invalid_idempotency_key", "invalid_page", "invalid_page_size", "too_many", "invalid_card_number",
            "invalid_expiry", "invalid_cvc", "not_a_test_card", "not_a_test_account", "invalid_routing_number",
            "invalid_signature");

    private Problems() {
    }

    public static int statusFor(String code) {
        return MALFORMED_INPUT.contains(code) ? 400 : 422;
    }

    public static Response response(ProblemJson problem) {
        return Response.status(problem.status()).type(ProblemJson.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(int status, String title, String code, String detail) {
        return response(ProblemJson.of(status, title, code, detail, null));
    }

    /** A single field at fault (or none when {@code field} is null). */
    public static Response invalid(String code, String field, String message) {
        List<ProblemJson.FieldErrorJson> errors = field == null ? List.of()
                : List.of(new ProblemJson.FieldErrorJson(field, code, message));
        int status = statusFor(code);
        return response(ProblemJson.of(status, status == 400 ? "Invalid request" : "Request breaks a business rule",
                code, message, errors));
    }

    /** Several fields at fault: the code is the single field's code, or {@code invalid_request} for many. */
    public static Response invalid(List<FieldViolation> violations) {
        if (violations.size() == 1) {
            FieldViolation only = violations.get(0);
            return invalid(only.code(), only.field(), only.message());
        }
        List<ProblemJson.FieldErrorJson> errors = violations.stream()
                .map(v -> new ProblemJson.FieldErrorJson(v.field(), v.code(), v.message())).toList();
        boolean allMalformed = violations.stream().allMatch(v -> statusFor(v.code()) == 400);
        int status = allMalformed ? 400 : 422;
        return response(ProblemJson.of(status, "Invalid request", "invalid_request",
                violations.size() + " fields are invalid", errors));
    }
}
