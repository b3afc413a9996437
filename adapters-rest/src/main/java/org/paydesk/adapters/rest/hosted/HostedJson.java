package org.paydesk.adapters.rest.hosted;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.DomainException;

/**
 * The JSON side of the hosted pages, shared by every page whose script calls back: problems
 * ({@code application/problem+json} with a stable {@code code}), bounded JSON bodies that are never logged, and the
 * sandbox tokenizer endpoint.
 */
final class HostedJson {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final int MAX_JSON_BYTES = 8 * 1024;

    private HostedJson() {
    }

    /**
     * Sandbox tokenization: JSON test details in (a card or a US bank account), a token and display facts out
     * ({@code 201}); missing or refused details are a problem with the fields at fault. Only in sandbox mode: in
     * Stripe mode card data must never reach this server ({@code 404}).
     */
    static void tokens(HttpServletRequest request, HttpServletResponse response, HostedPageSettings settings,
            Function<CardDetails, TokenizedPaymentMethod> cards,
            Function<BankAccountDetails, TokenizedPaymentMethod> banks) throws IOException {
        if (settings.mode() != HostedPageSettings.Mode.SANDBOX) {
            problem(response, 404, "not_found", "Not found",
                    "card details are sent to the processor directly, never to this server", null);
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problem(response, 415, "unsupported_media_type", "Unsupported media type", "send application/json",
                    null);
            return;
        }
        JsonObject body = readJson(request);
        if (body == null) {
            problem(response, 400, "malformed_json", "Bad request", "the body must be a JSON object", null);
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>();
        String type = text(body, "type");
        TokenizedPaymentMethod method;
        try {
            if ("card".equals(type)) {
                JsonObject card = object(body, "card");
                String number = required(card, "number", "card.number", missing);
                Integer expMonth = integer(card, "expMonth", "card.expMonth", missing);
                Integer expYear = integer(card, "expYear", "card.expYear", missing);
                String cvc = required(card, "cvc", "card.cvc", missing);
                if (!missing.isEmpty()) {
                    invalid(response, missing);
                    return;
                }
                method = cards.apply(new CardDetails(number, expMonth, expYear, cvc));
            } else if ("ach".equals(type)) {
                JsonObject account = object(body, "bankAccount");
                String routing = required(account, "routingNumber", "bankAccount.routingNumber", missing);
                String number = required(account, "accountNumber", "bankAccount.accountNumber", missing);
                String holder = required(account, "holderName", "bankAccount.holderName", missing);
                if (!missing.isEmpty()) {
                    invalid(response, missing);
                    return;
                }
                method = banks.apply(new BankAccountDetails(routing, number, holder));
            } else {
                invalid(response, Map.of("type", "Choose card or US bank account."));
                return;
            }
        } catch (DomainException refused) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            if (refused.field() != null) {
                errors.add(fieldError(refused.field(), refused.code(), sentence(refused.getMessage())));
            }
            problem(response, 422, refused.code(), "Details refused", sentence(refused.getMessage()), errors);
            return;
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("token", method.token())
                .add("type", method.type() == PaymentMethodType.ACH ? "ach" : "card").add("last4", method.last4());
        addIfPresent(out, "brand", method.brand());
        addIfPresent(out, "bankName", method.bankName());
        if (method.expMonth() != null) {
            out.add("expMonth", method.expMonth());
        }
        if (method.expYear() != null) {
            out.add("expYear", method.expYear());
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(out.build().toString());
    }

    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "The details were refused.";
        }
        String text = message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }





    /** The body as a JSON object, or {@code null} when it is not one (or too large). Never logged. */
    static JsonObject readJson(HttpServletRequest request) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException malformed) {
            return null;
        }
    }

    static JsonObject object(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }

    static String required(JsonObject object, String key, String field, Map<String, String> missing) {
        String value = text(object, key);
        if (value == null || value.isBlank()) {
            missing.put(field, "This field is required.");
            return null;
        }
        return value.strip();
    }

    static Integer integer(JsonObject object, String key, String field, Map<String, String> missing) {
        String value = required(object, key, field, missing);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,4}")) {
            missing.put(field, "Enter a number.");
            return null;
        }
        return Integer.valueOf(value);
    }

    static void invalid(HttpServletResponse response, Map<String, String> fields) throws IOException {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        fields.forEach((field, message) -> errors.add(fieldError(field, "required", message)));
        problem(response, 422, "validation_failed", "Invalid details", "some details are missing or invalid",
                errors);
    }

    static JsonObjectBuilder fieldError(String field, String code, String message) {
        return Json.createObjectBuilder().add("field", field).add("code", code).add("message", message);
    }

    static void addIfPresent(JsonObjectBuilder out, String key, String value) {
        if (value != null) {
            out.add(key, value);
        }
    }

    static void problem(HttpServletResponse response, int status, String code, String title, String detail,
            JsonArrayBuilder errors) throws IOException {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "https://paydesk.org/problems/" + code.replace('_', '-')).add("title", title)
                .add("status", status).add("detail", detail).add("code", code);
        if (errors != null) {
            problem.add("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.build().toString());
    }
}
