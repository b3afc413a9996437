package org.paydesk.adapters.rest.shared;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Type checks JSON-B does not make. Yasson reads any string into a {@code Boolean} ({@code "sometimes"} becomes
 * {@code false}), so a flag that changes how money is taken would silently flip on a client's typo. Run after
 * {@link JsonBodies#read}, which has already refused a body that is not a JSON object.
 */
public final class JsonTypes {

    private JsonTypes() {
    }

    /** Records {@code malformed_json} for each named top-level member that is present but not true, false or null. */
    public static void booleans(String body, Fields fields, String... names) {
        JsonObject object = object(body);
        for (String name : names) {
            JsonValue value = object == null ? null : object.get(name);
            if (value != null && value != JsonValue.TRUE && value != JsonValue.FALSE && value != JsonValue.NULL) {
                fields.add(name, "malformed_json", name + " must be true or false");
            }
        }
    }

    /**
     * Records {@code malformed_json} for a member that is a number with a fraction ({@code 2.5} would be read as 2).
     *
     * @param field the name to report it under, e.g. {@code lines[0].quantity}
     */
    public static void wholeNumber(JsonObject object, String name, String field, Fields fields) {
        JsonValue value = object == null ? null : object.get(name);
        if (value instanceof JsonNumber number && !number.isIntegral()) {
            fields.add(field, "malformed_json", field + " must be a whole number");
        }
    }

    /** The body as a JSON object, or null when it is not one. */
    public static JsonObject object(String body) {
        if (body == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException unreadable) {
            return null;
        }
    }
}
