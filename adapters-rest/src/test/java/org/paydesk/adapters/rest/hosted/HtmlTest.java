package org.paydesk.adapters.rest.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Escaping, and the page templates that rely on it. */
class HtmlTest {

    @Test
    void the_five_html_special_characters_become_entities() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien",
                Html.escape("<script>alert(\"x\")</script> & O'Brien"));
    }

    @Test
    void plain_text_and_unicode_are_left_alone_and_null_is_empty() {
        String plain = "Acme Hardware — Zürich 42";
        assertSame(plain, Html.escape(plain));
        assertEquals("", Html.escape(null));
    }

    @Test
    void a_template_escapes_every_value_in_text_and_in_attributes() {
        PageTemplate template = new PageTemplate("t", "<p title=\"{{name}}\">{{name}}</p>");
        String html = template.render(Map.of("name", "\"><img src=x onerror=alert(1)>")).html();
        assertEquals("<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
                + "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>", html);
    }

    @Test
    void a_value_that_looks_like_template_syntax_is_inserted_as_text() {
        PageTemplate template = new PageTemplate("t", "{{a}}|{{#flag}}shown{{/flag}}");
        assertEquals("{{flag}}|shown", template.render(Map.of("a", "{{flag}}", "flag", true)).html());
    }

    @Test
    void sections_show_or_hide_blocks() {
        PageTemplate template = new PageTemplate("t", "{{#error}}<b>{{error}}</b>{{/error}}{{^error}}fine{{/error}}");
        assertEquals("<b>&lt;oops&gt;</b>", template.render(Map.of("error", "<oops>")).html());
        Map<String, Object> none = new HashMap<>();
        none.put("error", null);
        assertEquals("fine", template.render(none).html());
        assertEquals("fine", template.render(Map.of("error", "")).html());
    }

    @Test
    void only_trusted_fragments_are_inserted_unescaped() {
        PageTemplate layout = new PageTemplate("layout", "<main>{{&content}}</main>");
        PageTemplate.Trusted inner = new PageTemplate("inner", "<h1>{{title}}</h1>").render(Map.of("title", "<x>"));
        assertEquals("<main><h1>&lt;x&gt;</h1></main>", layout.render(Map.of("content", inner)).html());
        assertThrows(IllegalArgumentException.class, () -> layout.render(Map.of("content", "<h1>raw</h1>")));
    }

    @Test
    void a_name_the_caller_did_not_give_is_an_error_not_a_gap() {
        PageTemplate template = new PageTemplate("t", "Hello {{customerName}}");
        assertThrows(IllegalArgumentException.class, () -> template.render(Map.of("customer", "Acme")));
    }

    @Test
    void the_unavailable_page_names_nobody_and_is_the_same_for_every_request() {
        PageTemplate.Trusted first = PageTemplate.named("link-unavailable.html").render(Map.of());
        PageTemplate.Trusted second = PageTemplate.named("link-unavailable.html").render(Map.of());
        assertEquals(first, second);
        assertTrue(first.html().contains("please ask the company that sent it for a new one"), first.html());
        assertFalse(first.html().contains("{{"), first.html());
    }

    @Test
    void the_form_template_renders_in_both_modes_and_never_names_a_detail_input() {
        for (boolean stripe : new boolean[] {false, true}) {
            Map<String, Object> values = new HashMap<>();
            values.put("customerName", "Acme <Hardware>");
            values.put("requestedBy", "it-cashier");
            values.put("expiresAtIso", "2026-03-01T12:00:00Z");
            values.put("expiresAtText", "Sun 1 Mar 2026, 12:00 UTC");
            values.put("formAction", "/pay/methods/s3cr3t");
            values.put("tokensUrl", "/pay/methods/s3cr3t/tokens");
            values.put("openedUrl", "/pay/methods/s3cr3t/opened");
            values.put("setupIntentUrl", "/pay/methods/s3cr3t/setup-intent");
            values.put("mode", stripe ? "stripe" : "sandbox");
            values.put("sandbox", !stripe);
            values.put("stripe", stripe);
            values.put("publishableKey", stripe ? "pk_test_123" : "");
            values.put("csrf", "tok");
            values.put("ach", false);
            values.put("card", true);
            values.put("error", "");
            String html = PageTemplate.named("payment-method-form.html").render(values).html();
            assertTrue(html.contains("Add a payment method for Acme &lt;Hardware&gt;"), html);
            assertTrue(html.contains("data-mode=\"" + (stripe ? "stripe" : "sandbox") + "\""), html);
            assertEquals(!stripe, html.contains("id=\"card-number\""), html);
            assertEquals(stripe, html.contains("id=\"stripe-payment-element\""), html);
            assertFalse(html.contains("name=\"number\"") || html.contains("name=\"card"), html);
            assertFalse(html.contains("style="), "no inline style: the CSP forbids it");
            assertFalse(html.contains("<script"), "no inline script: the CSP forbids it");
        }
    }

    @Test
    void brands_read_as_people_write_them() {
        assertEquals("Visa", HostedPages.brandName("visa"));
        assertEquals("American Express", HostedPages.brandName("amex"));
        assertEquals("Card", HostedPages.brandName(null));
        assertEquals("Elo", HostedPages.brandName("elo"));
    }
}
