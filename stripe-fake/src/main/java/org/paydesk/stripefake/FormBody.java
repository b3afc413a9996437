package org.paydesk.stripefake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stripe's form encoding with bracket notation ({@code metadata[key]=v}, {@code payment_method_types[0]=card},
 * {@code expand[]=x}) read into nested maps, lists and strings.
 */
final class FormBody {

    private FormBody() {
    }

    /** The pairs in order, decoded. */
    static List<Map.Entry<String, String>> pairs(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.add(Map.entry(key, value));
        }
        return pairs;
    }

    /**
     * The nested structure. Maps whose keys are all indexes (or {@code []}) become lists.
     *
     * @throws ApiError for a malformed key
     */
    static Map<String, Object> parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        int appended = 0;
        for (Map.Entry<String, String> pair : pairs(encoded)) {
            List<String> path = path(pair.getKey());
            Map<String, Object> node = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object child = node.get(path.get(i));
                if (!(child instanceof Map)) {
                    if (child != null) {
                        throw ApiError.invalid("parameter_invalid", "Invalid parameter: " + pair.getKey()
                                + " is both a value and a hash", pair.getKey());
                    }
                    child = new LinkedHashMap<String, Object>();
                    node.put(path.get(i), child);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            String last = path.get(path.size() - 1);
            if (last.isEmpty()) {
                last = "\u0000" + (appended++);
            }
            node.put(last, pair.getValue());
        }
        return listify(root);
    }

    private static List<String> path(String key) {
        List<String> path = new ArrayList<>();
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            path.add(key);
            return path;
        }
        path.add(key.substring(0, bracket));
        int i = bracket;
        while (i < key.length()) {
            if (key.charAt(i) != '[') {
                throw ApiError.invalid("parameter_invalid", "Invalid parameter name: " + key, key);
            }
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw ApiError.invalid("parameter_invalid", "Invalid parameter name: " + key, key);
            }
            path.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static <T> T listify(Map<String, Object> map) {
        Map<String, Object> converted = new LinkedHashMap<>();
        boolean allIndexes = !map.isEmpty();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            Object value = entry.getValue() instanceof Map<?, ?> child ? listify((Map<String, Object>) child)
                    : entry.getValue();
            converted.put(entry.getKey(), value);
            if (!entry.getKey().matches("\\d+") && !entry.getKey().startsWith("\u0000")) {
                allIndexes = false;
            }
        }
        if (allIndexes) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            int extra = 1_000_000;
            for (Map.Entry<String, Object> entry : converted.entrySet()) {
                ordered.put(entry.getKey().startsWith("\u0000") ? extra++ : Integer.parseInt(entry.getKey()),
                        entry.getValue());
            }
            return (T) new ArrayList<>(ordered.values());
        }
        return (T) converted;
    }
}
