package org.paydesk.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.notification.Notification;

/** The receipt and the refund notice: every fact in both parts, the invoices one per line, values escaped in HTML. */
class ReceiptAndRefundMailTest {

    private final JakartaMailTransport transport = Mails.renderer();

    static Notification aReceipt(Consumer<Map<String, String>> change) {
        Map<String, String> values = new HashMap<>(Map.of(
                "customerName", "Acme Hardware",
                "customerNumber", "C-1042",
                "paymentId", "731",
                "amount", "USD 120.00",
                "method", "Card",
                "paidAt", "2026-11-29T14:05:30Z",
                "paidInvoices", "INV-1001: USD 60.00\nINV-1002: USD 40.00",
                "creditKept", "USD 20.00"));
        change.accept(values);
        return new Notification(Notification.PAYMENT_RECEIPT, Mails.RECIPIENT, values);
    }

    static Notification aRefundNotice(Consumer<Map<String, String>> change) {
        Map<String, String> values = new HashMap<>(Map.of(
                "customerName", "Acme Hardware",
                "customerNumber", "C-1042",
                "refundId", "58",
                "amount", "USD 30.00",
                "paymentId", "731",
                "paymentAmount", "USD 120.00",
                "paidAt", "2026-11-20T09:00:00Z",
                "method", "Card",
                "requestedAt", "2026-11-29T14:05:30Z",
                "expectedTiming", "Refunds to a card usually appear on its statement within 5 to 10 business days."));
        change.accept(values);
        return new Notification(Notification.REFUND_NOTICE, Mails.RECIPIENT, values);
    }

    @Test
    void the_receipt_subject_gives_the_amount_and_the_payment() {
        assertEquals("Receipt: your payment of USD 120.00 to us (payment 731)",
                transport.render(aReceipt(v -> { })).subject());
    }

    @Test
    void the_receipt_text_has_customer_amount_method_date_invoices_one_per_line_credit_and_payment() {
        String text = transport.render(aReceipt(v -> { })).text();

        assertTrue(text.startsWith("Receipt for Acme Hardware (customer C-1042)\n"), text);
        assertTrue(text.contains("Payment:   731\n"), text);
        assertTrue(text.contains("Amount:    USD 120.00\n"), text);
        assertTrue(text.contains("Paid by:   Card\n"), text);
        assertTrue(text.contains("Date:      Sunday 29 November 2026, 14:05 UTC\n"), text);
        assertTrue(text.contains("Invoices paid:\nINV-1001: USD 60.00\nINV-1002: USD 40.00\n"), text);
        assertTrue(text.contains("Kept as credit on your account: USD 20.00\n"), text);
        assertFalse(text.contains("{{"), "every placeholder is filled");
    }

    @Test
    void the_receipt_html_has_the_same_facts_and_keeps_the_invoice_lines_apart() {
        String html = transport.render(aReceipt(v -> { })).html();

        assertTrue(html.contains("<h1 style=\"margin:0 0 8px 0;font-size:20px;\">Receipt for Acme Hardware</h1>"),
                html);
        assertTrue(html.contains("<strong>USD 120.00</strong>"), html);
        assertTrue(html.contains(">Sunday 29 November 2026, 14:05 UTC<"), html);
        assertTrue(html.contains("white-space:pre-line;\">INV-1001: USD 60.00\nINV-1002: USD 40.00</td>"), html);
        assertTrue(html.contains(">USD 20.00<"), html);
        assertTrue(html.contains(">731<"), html);
        assertTrue(html.contains("Customer C-1042"), html);
        assertFalse(html.contains("{{"), "every placeholder is filled");
    }

    @Test
    void markup_in_an_invoice_number_or_name_is_escaped_in_the_receipt_html() {
        var mail = transport.render(aReceipt(v -> {
            v.put("customerName", "<b>Acme</b> & Sons");
            v.put("paidInvoices", "INV-<script>1</script>: USD 60.00");
        }));

        assertFalse(mail.html().contains("<script>") || mail.html().contains("<b>Acme"), mail.html());
        assertTrue(mail.html().contains("&lt;b&gt;Acme&lt;/b&gt; &amp; Sons"), mail.html());
        assertTrue(mail.html().contains("INV-&lt;script&gt;1&lt;/script&gt;"), mail.html());
        assertTrue(mail.text().contains("INV-<script>1</script>: USD 60.00"), "plain text is left as typed");
    }

    @Test
    void the_refund_notice_subject_gives_the_amount_and_the_payment() {
        assertEquals("Refund of USD 30.00 started (payment 731)",
                transport.render(aRefundNotice(v -> { })).subject());
    }

    @Test
    void the_refund_notice_gives_amount_payment_method_and_expected_timing_in_both_parts() {
        var mail = transport.render(aRefundNotice(v -> { }));

        assertTrue(mail.text().contains("We have started a refund of USD 30.00 to you."), mail.text());
        assertTrue(mail.text().contains("Refund:        58\n"), mail.text());
        assertTrue(mail.text().contains(
                "From payment:  731 of USD 120.00, made on Friday 20 November 2026, 09:00 UTC\n"), mail.text());
        assertTrue(mail.text().contains("Refunded to:   Card, the one the payment was made with\n"), mail.text());
        assertTrue(mail.text().contains("Started:       Sunday 29 November 2026, 14:05 UTC\n"), mail.text());
        assertTrue(mail.text().contains("Refunds to a card usually appear on its statement within 5 to 10 business"
                + " days. Your bank decides"), mail.text());
        assertTrue(mail.html().contains("a refund of <strong>USD 30.00</strong> to you"), mail.html());
        assertTrue(mail.html().contains(">731 of USD 120.00, made on Friday 20 November 2026, 09:00 UTC<"),
                mail.html());
        assertTrue(mail.html().contains("within 5 to 10 business days."), mail.html());
        assertFalse(mail.text().contains("{{") || mail.html().contains("{{"), "every placeholder is filled");
    }

    @ParameterizedTest(name = "receipt without {0}")
    @ValueSource(strings = {"customerName", "customerNumber", "paymentId", "amount", "method", "paidAt",
        "paidInvoices", "creditKept"})
    void a_receipt_missing_a_value_is_refused(String missing) {
        assertThrows(IllegalArgumentException.class, () -> transport.render(aReceipt(v -> v.remove(missing))));
    }

    @ParameterizedTest(name = "refund notice without {0}")
    @ValueSource(strings = {"customerName", "customerNumber", "refundId", "amount", "paymentId", "paymentAmount",
        "paidAt", "method", "requestedAt", "expectedTiming"})
    void a_refund_notice_missing_a_value_is_refused(String missing) {
        assertThrows(IllegalArgumentException.class, () -> transport.render(aRefundNotice(v -> v.remove(missing))));
    }

    @Test
    void a_line_break_in_the_amount_cannot_add_a_header_through_the_subject() {
        assertEquals("Refund of USD 30.00 Bcc: thief@evil.test started (payment 731)", transport.render(
                aRefundNotice(v -> v.put("amount", "USD 30.00\r\nBcc: thief@evil.test"))).subject());
    }
}
