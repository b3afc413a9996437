package org.paydesk.adapters.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.paydesk.application.notification.DocumentValues;
import org.paydesk.application.notification.Notification;

/** The invoice and statement mails of payment links: a Pay button with the link, and the document as a PDF. */
class PaymentLinkMailTest {

    private static final String LINK_PATH = "/pay/links/Zx8vQ9xZ2mW7rT4yB8nC1dF6gH5jL0sAkP3vQ9xZ2mW";
    private static final String LINK = Mails.PUBLIC_URL + LINK_PATH;

    private final JakartaMailTransport transport = Mails.renderer();

    static Notification anInvoiceLink(Consumer<Map<String, String>> change) {
        Map<String, String> values = new HashMap<>(Map.of(
                "customerName", "Acme Hardware",
                "sentBy", "Dana Clerk",
                "linkPath", LINK_PATH,
                "invoiceNumber", "INV-1001",
                "dueDate", "2026-12-31",
                "total", "125.50 USD"));
        values.putAll(new DocumentValues("invoice-INV-1001.pdf", "Invoice INV-1001", "Acme Hardware (C-42)",
                List.of(new DocumentValues.Line("INV-1001", "2026-12-01", "2026-12-31", "125.50 USD", "125.50 USD")),
                "125.50 USD").values());
        change.accept(values);
        return new Notification("invoice-payment-link", Mails.RECIPIENT, values);
    }

    static Notification aStatementLink(int invoices) {
        List<DocumentValues.Line> lines = new ArrayList<>();
        for (int i = 1; i <= invoices; i++) {
            lines.add(new DocumentValues.Line("INV-" + (2000 + i), "2026-11-01", "2026-12-01", "10.00 USD",
                    "10.00 USD"));
        }
        Map<String, String> values = new HashMap<>(Map.of(
                "customerName", "Acme Hardware",
                "sentBy", "Dana Clerk",
                "linkPath", LINK_PATH,
                "invoiceCount", Integer.toString(invoices),
                "total", (invoices * 10) + ".00 USD"));
        values.putAll(new DocumentValues("statement-C-42-2026-11-29.pdf", "Statement of 2026-11-29",
                "Acme Hardware (C-42)", lines, (invoices * 10) + ".00 USD").values());
        return new Notification("statement-payment-link", Mails.RECIPIENT, values);
    }

    @Test
    void the_invoice_mail_has_a_pay_button_with_the_full_link_and_names_invoice_and_amount() {
        MailTemplates.Rendered mail = transport.render(anInvoiceLink(v -> { }));

        assertEquals("Invoice INV-1001 from Dana Clerk: 125.50 USD to pay", mail.subject());
        assertTrue(mail.html().contains("<a href=\"" + LINK + "\""), mail.html());
        assertTrue(mail.html().contains(">Pay 125.50 USD</a>"), mail.html());
        assertTrue(mail.text().contains("\n" + LINK + "\n"), mail.text());
        assertTrue(mail.text().contains("24 hours from\nthe first time you open it"), mail.text());
        assertFalse(mail.html().contains("{{") || mail.text().contains("{{"), "every placeholder is filled");
    }

    @Test
    void the_invoice_is_attached_as_a_pdf_that_parses_and_shows_its_number_and_amount() throws Exception {
        MimeMessage message = transport.compose(anInvoiceLink(v -> { }));
        message.saveChanges();

        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertTrue(mixed.getContentType().startsWith("multipart/mixed"), mixed.getContentType());
        assertTrue(((MimeMultipart) mixed.getBodyPart(0).getContent()).getContentType()
                .startsWith("multipart/alternative"));
        BodyPart pdfPart = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, pdfPart.getDisposition());
        assertEquals("invoice-INV-1001.pdf", pdfPart.getFileName());
        assertTrue(pdfPart.getContentType().startsWith("application/pdf"), pdfPart.getContentType());

        String text = pdfText(pdfPart);
        assertTrue(text.contains("Invoice INV-1001"), text);
        assertTrue(text.contains("Acme Hardware (C-42)"), text);
        assertTrue(text.contains("Total to pay: 125.50 USD"), text);
    }

    @Test
    void a_statement_of_many_invoices_runs_over_several_pages_and_lists_every_one() throws Exception {
        MimeMessage message = transport.compose(aStatementLink(90));
        BodyPart pdfPart = ((MimeMultipart) message.getContent()).getBodyPart(1);

        try (PDDocument pdf = Loader.loadPDF(bytes(pdfPart))) {
            assertTrue(pdf.getNumberOfPages() > 1, "pages: " + pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("INV-2001") && text.contains("INV-2090"), text);
            assertTrue(text.contains("Total to pay: 900.00 USD"), text);
        }
        assertEquals("Statement for Acme Hardware: 900.00 USD open", transport.render(aStatementLink(90)).subject());
    }

    @Test
    void a_character_the_pdf_font_cannot_show_becomes_a_question_mark_instead_of_failing_the_mail() throws Exception {
        Notification mail = anInvoiceLink(v -> v.put("documentCustomer", "Zhōngguó 中国 Ltd"));

        String text = pdfText(((MimeMultipart) transport.compose(mail).getContent()).getBodyPart(1));

        assertTrue(text.contains("Zh?ngguó ?? Ltd") || text.contains("Zh?ngguo ?? Ltd"), text);
    }

    @Test
    void a_mail_without_a_document_has_no_attachment() throws Exception {
        assertNull(transport.attachment(Mails.aPaymentMethodRequest()));
        assertTrue(((MimeMultipart) transport.compose(Mails.aPaymentMethodRequest()).getContent()).getContentType()
                .startsWith("multipart/alternative"));
    }

    @Test
    void an_attachment_name_that_is_not_a_plain_pdf_file_name_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> transport.attachment(
                anInvoiceLink(v -> v.put(DocumentValues.ATTACHMENT, "../../etc/passwd"))));
        assertThrows(IllegalArgumentException.class, () -> transport.attachment(
                anInvoiceLink(v -> v.remove("documentLines"))));
    }

    private static String pdfText(BodyPart part) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(bytes(part))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static byte[] bytes(BodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            part.getDataHandler().writeTo(out);
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
        return out.toByteArray();
    }
}
