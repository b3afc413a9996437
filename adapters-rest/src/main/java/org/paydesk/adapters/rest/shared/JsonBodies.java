package org.paydesk.adapters.rest.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.paydesk.application.shared.InvalidRequestException;

/**
 * Reads request bodies. Resources take the raw body so that idempotency can fingerprint exactly what was sent, and
 * so malformed JSON is answered as a problem with a stable code instead of the JSON-B provider's error page.
 */
@ApplicationScoped
public class JsonBodies {

    private final Jsonb jsonb = JsonbBuilder.create();

    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "malformed_json", "the request needs a JSON body");
        }
        try {
            T value = jsonb.fromJson(body, type);
            if (value == null) {
                throw new InvalidRequestException("body", "malformed_json", "the request body must be a JSON object");
            }
            return value;
        } catch (JsonbException malformed) {
            throw new InvalidRequestException("body", "malformed_json",
                    "the request body is not valid JSON of the expected shape: " + firstLine(malformed.getMessage()));
        }
    }

    public String write(Object value) {
        return jsonb.toJson(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
