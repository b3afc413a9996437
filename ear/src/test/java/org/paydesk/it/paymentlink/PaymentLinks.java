package org.paydesk.it.paymentlink;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.paydesk.it.hosted.HostedPageClient;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;

/** Staff's side of payment links through the API, the mail each one sends, and the test clock. */
final class PaymentLinks {

    static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("(?:https?://[^\\s\"'<>/]+)?/pay/links/[A-Za-z0-9_-]+");
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    final Fixtures fixtures;
    final Api admin;
    final Api cashier;

    PaymentLinks(URL deployment) {
        this.fixtures = new Fixtures(deployment);
        this.admin = Api.as(deployment, "ADMIN");
        this.cashier = Api.as(deployment, "CASHIER");
    }

    /** A link that was sent, the link its mail carries, and the PDF's text. */
    record Sent(long linkId, String email, String link, MimeMessage mail, String pdfFileName, String pdfText) {

        String path() {
            return HostedPageClient.pathOf(link);
        }
    }

    Api.Reply sendInvoice(Api as, long invoiceId, String email) {
        return as.post("/api/v1/receivables/" + invoiceId + "/payment-links", "{\"email\": \"" + email + "\"}",
                Fixtures.key());
    }

    Api.Reply sendStatement(Api as, long customerId, String email) {
        return as.post("/api/v1/customers/" + customerId + "/statement-links", "{\"email\": \"" + email + "\"}",
                Fixtures.key());
    }

    Api.Reply sendForOrder(Api as, long orderId, String email) {
        return as.post("/api/v1/orders/" + orderId + "/payment-links", "{\"email\": \"" + email + "\"}",
                Fixtures.key());
    }

    /** Sales emails an order's invoice; waits for the mail and reads its link and its PDF. */
    Sent orderLink(Api as, long orderId) {
        String email = TestMail.uniqueAddress("order");
        return received(sendForOrder(as, orderId, email), email);
    }

    /** A cashier emails the invoice; waits for the mail and reads its link and its PDF. */
    Sent invoiceLink(long invoiceId) {
        String email = TestMail.uniqueAddress("invoice");
        return received(sendInvoice(cashier, invoiceId, email), email);
    }

    Sent statementLink(long customerId) {
        String email = TestMail.uniqueAddress("statement");
        return received(sendStatement(cashier, customerId, email), email);
    }

    private static Sent received(Api.Reply reply, String email) {
        if (reply.status() != 201) {
            throw new IllegalStateException("payment link not sent: " + reply);
        }
        MimeMessage mail = TestMail.awaitMessageTo(email, MAIL_TIMEOUT);
        BodyPart pdf = pdfPart(mail);
        try {
            return new Sent(reply.json().getJsonNumber("id").longValue(), email, linkIn(mail), mail,
                    pdf.getFileName(), pdfText(pdf));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code /pay/links/...} link in the mail's text part. */
    static String linkIn(MimeMessage mail) {
        String text = TestMail.textOf(mail);
        Matcher link = LINK.matcher(text);
        if (!link.find()) {
            throw new AssertionError("no /pay/links/ link in the mail:\n" + text);
        }
        return link.group();
    }

    /** The mail's one PDF attachment. */
    static BodyPart pdfPart(MimeMessage mail) {
        try {
            Multipart mixed = (Multipart) mail.getContent();
            for (int i = 0; i < mixed.getCount(); i++) {
                BodyPart part = mixed.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.isMimeType("application/pdf")) {
                    return part;
                }
            }
        } catch (MessagingException | IOException | ClassCastException e) {
            throw new AssertionError("the mail is not multipart with a PDF attachment", e);
        }
        throw new AssertionError("the mail has no PDF attachment");
    }

    /** The text of a PDF attachment, parsed with PDFBox. */
    static String pdfText(BodyPart part) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            try (PDDocument pdf = Loader.loadPDF(bytes.toByteArray())) {
                return new PDFTextStripper().getText(pdf);
            }
        } catch (IOException | MessagingException e) {
            throw new AssertionError("the attachment is not a PDF that parses", e);
        }
    }

    /** The idempotency key the rendered form carries. */
    static String keyOf(HostedPageClient.Page page) {
        Matcher key = KEY.matcher(page.body());
        if (!key.find()) {
            throw new AssertionError("the page has no idempotency key:\n" + page.body());
        }
        return key.group(1);
    }

    /** A sandbox card token through the link page's own tokenizer, as its script gets one. */
    static String cardToken(HostedPageClient customer, String path, String csrf, String number) {
        HostedPageClient.Page tokens = customer.postJson(path + "/tokens", """
                {"type": "card", "card": {"number": "%s", "expMonth": 12, "expYear": 2034, "cvc": "123"}}
                """.formatted(number), java.util.Map.of("X-CSRF-Token", csrf));
        if (tokens.status() != 201) {
            throw new AssertionError("not tokenized: " + tokens);
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(tokens.body())).readObject().getString("token");
    }

    String invoiceNumber(long invoiceId) {
        return fixtures.invoice(invoiceId).getString("number");
    }

    void advanceClock(Duration by) {
        Api.Reply reply = admin.post("/api/v1/testing/clock/advance", "{\"seconds\": " + by.toSeconds() + "}");
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("clock not advanced: " + reply);
        }
    }

    void resetClock() {
        Api.Reply reply = admin.post("/api/v1/testing/clock/reset", "{}");
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("clock not reset: " + reply);
        }
    }
}
