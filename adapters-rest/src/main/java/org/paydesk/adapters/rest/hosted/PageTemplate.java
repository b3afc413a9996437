package org.paydesk.adapters.rest.hosted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server-side HTML template with a small, safe subset of Mustache: {@code {{name}}} inserts a value HTML-escaped,
 * {@code {{#flag}}...{{/flag}}} keeps a block when the value is {@code true} or a non-empty string,
 * {@code {{^flag}}...{{/flag}}} when it is not, and {@code {{&name}}} inserts a {@link Trusted} fragment (the output
 * of another template) unescaped. Plain strings can never be inserted unescaped, and a name the caller did not give
 * is an error rather than an empty gap, so a typo cannot silently drop content.
 */
final class PageTemplate {

    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])([A-Za-z][A-Za-z0-9]*)}}(.*?)\\{\\{/\\2}}",
            Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{(&?)([A-Za-z][A-Za-z0-9]*)}}");
    private static final Map<String, PageTemplate> LOADED = new ConcurrentHashMap<>();

    /** HTML that Paydesk produced itself, safe to insert as is. */
    record Trusted(String html) {
        Trusted {
            Objects.requireNonNull(html, "html");
        }
    }

    private final String name;
    private final String source;

    PageTemplate(String name, String source) {
        this.name = name;
        this.source = source;
    }

    /** The template {@code templates/<name>} beside this class, read once. */
    static PageTemplate named(String name) {
        return LOADED.computeIfAbsent(name, PageTemplate::load);
    }

    private static PageTemplate load(String name) {
        try (InputStream in = PageTemplate.class.getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no template " + name);
            }
            return new PageTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    Trusted render(Map<String, ?> values) {
        String text = source;
        Matcher section = SECTION.matcher(text);
        while (section.find()) {
            boolean shown = truthy(lookup(values, section.group(2)));
            boolean keep = "#".equals(section.group(1)) == shown;
            text = text.substring(0, section.start()) + (keep ? section.group(3) : "") + text.substring(section.end());
            section = SECTION.matcher(text);
        }
        Matcher value = VALUE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (value.find()) {
            Object found = lookup(values, value.group(2));
            String replacement;
            if (value.group(1).isEmpty()) {
                replacement = Html.escape(found instanceof Trusted trusted ? trusted.html() : String.valueOf(found));
            } else if (found instanceof Trusted trusted) {
                replacement = trusted.html();
            } else {
                throw new IllegalArgumentException(name + ": {{&" + value.group(2) + "}} needs a Trusted fragment");
            }
            value.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        value.appendTail(out);
        return new Trusted(out.toString());
    }

    private Object lookup(Map<String, ?> values, String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(name + " uses {{" + key + "}} but no value was given");
        }
        Object found = values.get(key);
        return found == null ? "" : found;
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        return value != null && !String.valueOf(value).isEmpty();
    }
}
