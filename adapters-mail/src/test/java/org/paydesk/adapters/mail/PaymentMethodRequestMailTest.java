package org.paydesk.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.mail.Mails.EXPIRES_READABLE;
import static org.paydesk.adapters.mail.Mails.LINK;
import static org.paydesk.adapters.mail.Mails.SECRET;
import static org.paydesk.adapters.mail.Mails.aPaymentMethodRequest;

import jakarta.mail.Session;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.notification.Notification;

/** The payment-method request mail: who asked, the one-time link and when it expires; values escaped in HTML. */
class PaymentMethodRequestMailTest {

    private final JakartaMailTransport transport = Mails.renderer();

    @Test
    void the_subject_names_the_customer_on_one_line() {
        assertEquals("Add a payment method for Acme Hardware", transport.render(aPaymentMethodRequest()).subject());
    }

    @Test
    void the_text_says_who_asked_for_whom_and_gives_the_full_link_on_a_line_of_its_own() {
        String text = transport.render(aPaymentMethodRequest()).text();

        assertTrue(text.contains("Dana Clerk asked you to add a card or bank account for Acme Hardware"), text);
        assertTrue(text.contains("\n" + LINK + "\n"), text);
        assertFalse(text.contains("{{"), "every placeholder is filled");
    }

    @Test
    void both_parts_say_the_link_works_once_for_four_hours_until_a_readable_utc_time() {
        MailTemplates.Rendered mail = transport.render(aPaymentMethodRequest());

        assertTrue(mail.text().contains("works once, and for 4 hours after it was sent.\nIt expires on "
                + EXPIRES_READABLE + ".\n"), mail.text());
        assertTrue(mail.html().contains("<strong>once</strong>"), mail.html());
        assertTrue(mail.html().contains("<strong>4 hours</strong>"), mail.html());
        assertTrue(mail.html().contains("It expires on <strong>" + EXPIRES_READABLE + "</strong>"), mail.html());
    }

    @Test
    void the_html_has_the_full_link_as_a_button_and_says_who_asked() {
        String html = transport.render(aPaymentMethodRequest()).html();

        assertTrue(Pattern.compile("<a href=\"" + Pattern.quote(LINK) + "\" style=\"display:inline-block;[^\"]*\">"
                + "Add a payment method</a>").matcher(html).find(), html);
        assertTrue(html.contains("<strong>Dana Clerk</strong> asked you"), html);
        assertTrue(html.contains("for <strong>Acme Hardware</strong>"), html);
        assertFalse(html.contains("{{"), "every placeholder is filled");
    }

    @Test
    void a_script_injected_into_the_customer_name_is_escaped_in_html_and_left_as_typed_in_text() {
        String name = "<script>alert('x')</script> & \"Sons\"";
        MailTemplates.Rendered mail = transport.render(aPaymentMethodRequest(v -> v.put("customerName", name)));

        assertFalse(mail.html().contains("<script>"), mail.html());
        assertTrue(mail.html().contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Sons&quot;"), mail.html());
        assertTrue(mail.text().contains(name), mail.text());
        assertEquals("Add a payment method for " + name, mail.subject());
    }

    @Test
    void a_quote_in_a_value_cannot_break_out_of_an_html_attribute() {
        String html = transport.render(aPaymentMethodRequest(
                v -> v.put("requestedBy", "Dana\" onmouseover=\"steal()"))).html();

        assertFalse(html.contains("\" onmouseover=\""), html);
        assertTrue(html.contains("Dana&quot; onmouseover=&quot;steal()"), html);
    }

    @Test
    void a_value_that_looks_like_a_placeholder_is_printed_not_filled() {
        MailTemplates.Rendered mail = transport.render(aPaymentMethodRequest(
                v -> v.put("customerName", "{{linkPath}} $1 \\")));

        assertTrue(mail.text().contains("for {{linkPath}} $1 \\,"), mail.text());
        assertEquals(1, count(mail.text(), SECRET), "the secret appears only in the link");
    }

    @Test
    void line_breaks_in_a_value_cannot_add_headers_through_the_subject() {
        String subject = transport.render(aPaymentMethodRequest(
                v -> v.put("customerName", "Acme\r\nBcc: thief@evil.test"))).subject();

        assertEquals("Add a payment method for Acme Bcc: thief@evil.test", subject);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"customerName", "requestedBy", "linkPath", "expiresAt"})
    void a_missing_value_is_refused_naming_the_placeholder_and_no_value(String missing) {
        Notification incomplete = aPaymentMethodRequest(v -> v.remove(missing));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transport.render(incomplete));

        String placeholder = switch (missing) {
            case "linkPath" -> "{{link}}";
            case "expiresAt" -> "{{expiresAtUtc}}";
            default -> "{{" + missing + "}}";
        };
        assertTrue(refused.getMessage().contains(placeholder), refused.getMessage());
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
        assertFalse(refused.getMessage().contains("Acme Hardware"), refused.getMessage());
    }

    @Test
    void an_empty_value_is_a_value() {
        assertTrue(transport.render(aPaymentMethodRequest(v -> v.put("requestedBy", ""))).text()
                .contains("\n asked you"));
    }

    @ParameterizedTest(name = "linkPath {0}")
    @ValueSource(strings = {"//evil.test/pay/methods/x", "https://evil.test/x", "pay/methods/x", "/pay/methods/a b",
        "/pay/methods/x\"onclick=\"y", "/pay/methods/x?next=https://evil.test", ""})
    void a_link_path_that_is_not_a_plain_path_on_paydesks_site_is_refused(String linkPath) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transport.render(aPaymentMethodRequest(v -> v.put("linkPath", linkPath))));

        assertFalse(!linkPath.isEmpty() && refused.getMessage().contains(linkPath), refused.getMessage());
    }

    @Test
    void an_expiry_that_is_not_an_iso_instant_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> transport.render(aPaymentMethodRequest(v -> v.put("expiresAt", "tomorrow"))));
    }

    @Test
    void the_link_is_the_public_url_plus_the_path_whatever_slash_the_url_ends_with() {
        JakartaMailTransport behindAPrefix = new JakartaMailTransport(Session.getInstance(new Properties()),
                MailSettings.of("https://example.test/paydesk/", MailSettings.DEFAULT_FROM));

        assertTrue(behindAPrefix.render(aPaymentMethodRequest()).text()
                .contains("\nhttps://example.test/paydesk/pay/methods/" + SECRET + "\n"));
    }

    @ParameterizedTest(name = "kind {0}")
    @ValueSource(strings = {"no-such-kind", "../templates/payment-method-request", "Payment-Method-Request", ""})
    void a_kind_without_templates_is_refused(String kind) {
        Notification unknown = new Notification(kind, Mails.RECIPIENT, aPaymentMethodRequest().values());

        assertThrows(IllegalArgumentException.class, () -> transport.render(unknown));
    }

    @Test
    void a_rendered_mail_never_prints_its_bodies() {
        assertFalse(transport.render(aPaymentMethodRequest()).toString().contains(SECRET));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
