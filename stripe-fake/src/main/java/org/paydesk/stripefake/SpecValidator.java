package org.paydesk.stripefake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Checks each request against Stripe's OpenAPI spec, as Stripe's API would refuse it: an unknown path or method, an
 * unknown parameter at any depth where the spec allows no others, a missing required parameter, a value of the wrong
 * type or outside an enum. Reads the spec bundled with the fake ({@value #BUNDLED_SPEC}) or one at a given path.
 */
final class SpecValidator {

    static final String BUNDLED_SPEC = "/stripe-fake/spec3-2022-04-12.json.gz";

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final JsonNode spec;
    private final List<Route> routes = new ArrayList<>();

    private SpecValidator(JsonNode spec) {
        this.spec = spec;
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            routes.add(new Route(path.getKey(), path.getValue()));
        }
        // A literal segment wins over a parameter: /v1/customers/search before /v1/customers/{customer}.
        routes.sort(Comparator.comparingInt(Route::parameters).thenComparing(r -> -r.template.length()));
    }

    static SpecValidator bundled() {
        try (InputStream in = SpecValidator.class.getResourceAsStream(BUNDLED_SPEC)) {
            if (in == null) {
                throw new IllegalStateException("the bundled spec " + BUNDLED_SPEC + " is missing");
            }
            return new SpecValidator(new ObjectMapper().readTree(new GZIPInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpecValidator from(Path path) {
        try (InputStream raw = Files.newInputStream(path)) {
            InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return new SpecValidator(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec's version string. */
    String version() {
        return spec.path("info").path("version").asText();
    }

    /**
     * @return the matched path template ({@code /v1/payment_intents/{intent}})
     * @throws ApiError 404 for an unknown path, 405 for a method the path does not have, 400 for bad parameters
     */
    String validate(String method, String path, Map<String, Object> params) {
        Route route = routes.stream().filter(r -> r.pattern.matcher(path).matches()).findFirst()
                .orElseThrow(() -> new ApiError(404, "invalid_request_error", null,
                        "Unrecognized request URL (" + method + ": " + path + ").", null));
        JsonNode operation = route.item.get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            throw new ApiError(405, "invalid_request_error", null,
                    "Unrecognized request URL (" + method + ": " + path + ").", null);
        }
        JsonNode schema;
        if ("GET".equals(method) || "DELETE".equals(method)) {
            schema = querySchema(operation);
        } else {
            schema = operation.path("requestBody").path("content").path("application/x-www-form-urlencoded")
                    .path("schema");
        }
        validateObject(params, schema, "");
        return route.template;
    }

    /** The query parameters as an object schema that allows no others. */
    private static JsonNode querySchema(JsonNode operation) {
        com.fasterxml.jackson.databind.node.ObjectNode schema =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        com.fasterxml.jackson.databind.node.ObjectNode properties = schema.putObject("properties");
        com.fasterxml.jackson.databind.node.ArrayNode required = schema.putArray("required");
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                properties.set(parameter.path("name").asText(), parameter.path("schema"));
                if (parameter.path("required").asBoolean(false)) {
                    required.add(parameter.path("name").asText());
                }
            }
        }
        return schema;
    }

    private void validateObject(Map<String, Object> params, JsonNode schema, String prefix) {
        String error = check(params, schema, prefix);
        if (error != null) {
            throw ApiError.invalid(error.startsWith("Received unknown parameter") ? "parameter_unknown"
                    : error.startsWith("Missing required param") ? "parameter_missing" : "parameter_invalid",
                    error, null);
        }
    }

    /** @return why the value does not fit the schema, or null when it fits */
    private String check(Object value, JsonNode schema, String name) {
        schema = resolve(schema);
        if (schema.has("anyOf")) {
            String first = null;
            for (JsonNode branch : schema.get("anyOf")) {
                String error = check(value, branch, name);
                if (error == null) {
                    return null;
                }
                if (first == null || first.startsWith("Invalid") && !error.startsWith("Invalid")) {
                    first = error;
                }
            }
            return first;
        }
        String type = schema.path("type").asText("");
        if (schema.has("properties") || "object".equals(type)) {
            if ("".equals(value) && !schema.has("properties")) {
                return null;
            }
            if (!(value instanceof Map<?, ?> map)) {
                return "Invalid object: " + name;
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String child = name.isEmpty() ? key : name + "[" + key + "]";
                if (properties.has(key)) {
                    String error = check(entry.getValue(), properties.get(key), child);
                    if (error != null) {
                        return error;
                    }
                } else if (additional != null && additional.isObject()) {
                    String error = check(entry.getValue(), additional, child);
                    if (error != null) {
                        return error;
                    }
                } else if (additional == null && !schema.has("properties")) {
                    continue; // a free-form hash
                } else {
                    return "Received unknown parameter: " + child;
                }
            }
            Set<String> present = new HashSet<>();
            map.keySet().forEach(k -> present.add(String.valueOf(k)));
            for (JsonNode required : schema.path("required")) {
                if (!present.contains(required.asText())) {
                    return "Missing required param: " + (name.isEmpty() ? required.asText()
                            : name + "[" + required.asText() + "]") + ".";
                }
            }
            return null;
        }
        if ("array".equals(type)) {
            if (!(value instanceof List<?> list)) {
                return "Invalid array: " + name;
            }
            for (int i = 0; i < list.size(); i++) {
                String error = check(list.get(i), schema.path("items"), name + "[" + i + "]");
                if (error != null) {
                    return error;
                }
            }
            return null;
        }
        if (!(value instanceof String text)) {
            return "Invalid " + (type.isEmpty() ? "value" : type) + ": " + name + " must be a single value";
        }
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.asText().equals(text)) {
                    return null;
                }
            }
            return "Invalid " + name + ": must be one of " + schema.get("enum");
        }
        switch (type) {
            case "integer":
                return INTEGER.matcher(text).matches() ? null : "Invalid integer: " + text;
            case "number":
                return NUMBER.matcher(text).matches() ? null : "Invalid decimal: " + text;
            case "boolean":
                return "true".equals(text) || "false".equals(text) ? null : "Invalid boolean: " + text;
            case "string":
                if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                    return "Invalid " + name + ": must be at most " + schema.get("maxLength").asInt() + " characters";
                }
                return null;
            default:
                return null;
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = spec.at(ref.substring(1));
        }
        return current;
    }

    private static final class Route {
        final String template;
        final JsonNode item;
        final Pattern pattern;

        Route(String template, JsonNode item) {
            this.template = template;
            this.item = item;
            this.pattern = Pattern.compile(template.replaceAll("\\{[^/}]+}", "[^/]+"));
        }

        int parameters() {
            return template.split("\\{", -1).length - 1;
        }
    }
}
