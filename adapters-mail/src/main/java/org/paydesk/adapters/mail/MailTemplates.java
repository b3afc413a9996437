package org.paydesk.adapters.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail templates of each notification kind, read from {@code templates/<kind>.subject.txt}, {@code <kind>.txt}
 * and {@code <kind>.html} next to this class, and filled in: every {@code {{name}}} is replaced by the value of that
 * name, HTML-escaped in the HTML template, with line breaks removed in the subject. Values are inserted once, never
 * read as templates themselves. A placeholder without a value is refused: a mail with a hole in it (an empty link,
 * say) is worse than no mail.
 */
final class MailTemplates {

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    /** The three templates of one kind, as read. */
    private record Source(String subject, String text, String html) {
    }

    /** A mail ready to send: one-line subject, plain-text body and HTML body. */
    record Rendered(String subject, String text, String html) {

        @Override
        public String toString() {
            // The bodies hold the values, a link's secret among them: never print them.
            return "Rendered[" + subject.length() + " + " + text.length() + " + " + html.length() + " chars]";
        }
    }

    private final Map<String, Source> byKind = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException when the kind has no templates, or a template names a value that
     *     {@code values} does not hold
     */
    Rendered render(String kind, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Source source = byKind.computeIfAbsent(Objects.requireNonNull(kind, "kind"), MailTemplates::load);
        String subject = fill(source.subject(), values, value -> LINE_BREAKS.matcher(value).replaceAll(" "),
                kind + ".subject.txt");
        return new Rendered(LINE_BREAKS.matcher(subject).replaceAll(" ").strip(),
                fill(source.text(), values, UnaryOperator.identity(), kind + ".txt"),
                fill(source.html(), values, MailTemplates::escapeHtml, kind + ".html"));
    }

    /** Replaces each {@code {{name}}} with its escaped value, in a single pass over the template. */
    static String fill(String template, Map<String, String> values, UnaryOperator<String> escape, String where) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 256);
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = values.get(name);
            if (value == null) {
                // Names the placeholder only: the other values may hold a secret.
                throw new IllegalArgumentException("mail template " + where + " needs a value for {{" + name
                        + "}}, and the notification has none");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(escape.apply(value)));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /** Escapes the five characters that could end a text or attribute value in HTML. */
    static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Source load(String kind) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("not a notification kind: " + kind);
        }
        return new Source(read(kind + ".subject.txt"), read(kind + ".txt"), read(kind + ".html"));
    }

    private static String read(String name) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no mail template templates/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("mail template templates/" + name + " could not be read", unreadable);
        }
    }
}
