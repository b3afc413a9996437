package org.paydesk.stripefake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answer in Stripe's shape: {@code {"error": {"type": ..., "code": ..., "message": ...}}} with its status. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode error;

    ApiError(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.error = JsonNodeFactory.instance.objectNode();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
    }

    static ApiError invalid(String code, String message, String param) {
        return new ApiError(400, "invalid_request_error", code, message, param);
    }

    static ApiError missing(String what, String id, String param) {
        return new ApiError(404, "invalid_request_error", "resource_missing", "No such " + what + ": '" + id + "'",
                param);
    }

    int status() {
        return status;
    }

    /** The {@code error} object, to which callers may add ({@code payment_intent}, {@code decline_code} ...). */
    ObjectNode error() {
        return error;
    }

    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return body;
    }
}
