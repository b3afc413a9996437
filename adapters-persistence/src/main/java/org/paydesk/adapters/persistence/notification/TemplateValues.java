package org.paydesk.adapters.persistence.notification;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A notification's template values as one text: {@code key=value&key=value}, each part form-encoded (UTF-8), keys
 * sorted. Encoding every key and value leaves no character that could end or start an entry, so any text, with
 * {@code =}, {@code &}, line breaks or any script, comes back exactly as it went in. (The JSON API is kept to the
 * REST adapter, and needs no more than this.)
 */
final class TemplateValues {

    private TemplateValues() {
    }

    static String encode(Map<String, String> values) {
        return new TreeMap<>(values).entrySet().stream()
                .map(entry -> part(entry.getKey()) + "=" + part(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Null or empty (Oracle keeps an empty CLOB as NULL) is no values. */
    static Map<String, String> decode(String text) {
        Map<String, String> values = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String entry : text.split("&", -1)) {
            int separator = entry.indexOf('=');
            if (separator < 0) {
                throw new IllegalArgumentException("not an encoded template value: no '=' in an entry");
            }
            values.put(URLDecoder.decode(entry.substring(0, separator), StandardCharsets.UTF_8),
                    URLDecoder.decode(entry.substring(separator + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String part(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
