package org.paydesk.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Filling {@code {{name}}} placeholders, and escaping for HTML. */
class MailTemplatesTest {

    @Test
    void every_placeholder_is_replaced_by_its_value_with_spaces_inside_the_braces_allowed() {
        assertEquals("Hi Ann, Ann! Bob.", MailTemplates.fill("Hi {{name}}, {{ name }}! {{other}}.",
                Map.of("name", "Ann", "other", "Bob"), UnaryOperator.identity(), "test"));
    }

    @Test
    void text_that_is_not_a_placeholder_is_left_alone() {
        assertEquals("{{}} {{1x}} {name} {{a-b}}", MailTemplates.fill("{{}} {{1x}} {name} {{a-b}}", Map.of(),
                UnaryOperator.identity(), "test"));
    }

    @Test
    void a_placeholder_without_a_value_is_refused_and_named() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MailTemplates.fill("Hi {{name}}", Map.of("nome", "Ann"), UnaryOperator.identity(), "x.txt"));

        assertEquals("mail template x.txt needs a value for {{name}}, and the notification has none",
                refused.getMessage());
    }

    @Test
    void values_pass_through_the_escape() {
        assertEquals("a &lt;b&gt;", MailTemplates.fill("a {{v}}", Map.of("v", "<b>"), MailTemplates::escapeHtml,
                "test"));
    }

    @Test
    void html_escaping_covers_the_five_special_characters_and_nothing_else() {
        assertEquals("&amp;&lt;&gt;&quot;&#39; ü/é=", MailTemplates.escapeHtml("&<>\"' ü/é="));
    }
}
