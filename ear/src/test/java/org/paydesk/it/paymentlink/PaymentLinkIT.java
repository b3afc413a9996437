package org.paydesk.it.paymentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.it.hosted.HostedPageClient.fields;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.hosted.HostedPageClient;
import org.paydesk.it.hosted.HostedPageClient.Page;
import org.paydesk.it.paymentlink.PaymentLinks.Sent;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;

/**
 * Payment links against the deployed EAR, with GreenMail catching the mails and a plain HTTP client as the
 * customer's browser: the invoice mail (PDF and link), the 24 hours from the first opening on the test clock,
 * paying through the link, links whose invoices were paid elsewhere, opted-out customers, statements, and bad
 * input. The real browser is {@link BrowserPaymentLinkIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentLinkIT {

    private static final Pattern PAYMENT_ID = Pattern.compile("data-payment-id=\"(\\d+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private PaymentLinks links;
    private Fixtures fixtures;
    private HostedPageClient customer;
    private long customerId;

    @BeforeEach
    void aCustomer() {
        links = new PaymentLinks(deployment);
        fixtures = links.fixtures;
        customer = new HostedPageClient(deployment);
        customerId = fixtures.customer();
    }

    @AfterEach
    void resetClock() {
        links.resetClock();
    }

    @Test
    void the_invoice_mail_carries_a_pdf_that_parses_with_number_and_amount_and_a_link_that_opens_the_invoice() {
        long invoice = fixtures.invoices(customerId, "2026-12-31:125.50")[0];
        String number = links.invoiceNumber(invoice);

        Sent sent = links.invoiceLink(invoice);

        assertTrue(TestMail.allTextOf(sent.mail()).contains("Invoice " + number), TestMail.allTextOf(sent.mail()));
        assertTrue(TestMail.htmlOf(sent.mail()).contains(">Pay 125.50 USD</a>"), TestMail.htmlOf(sent.mail()));
        assertEquals("invoice-" + number + ".pdf", sent.pdfFileName());
        assertTrue(sent.pdfText().contains("Invoice " + number), sent.pdfText());
        assertTrue(sent.pdfText().contains("125.50 USD"), sent.pdfText());
        assertTrue(sent.pdfText().contains("Total to pay: 125.50 USD"), sent.pdfText());
        assertTrue(sent.link().startsWith("http"), "the mail's link is absolute: " + sent.link());

        Page page = customer.get(sent.path());

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(number), page.body());
        assertTrue(page.body().contains("$125.50"), page.body());
        assertTrue(page.header("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertTrue(page.header("Set-Cookie").orElse("").startsWith("pd_csrf="), "GET sets the CSRF cookie");
    }

    @Test
    void sales_emails_a_confirmed_orders_invoice_from_the_order_and_an_open_order_has_none_to_send() {
        String sku = fixtures.item("Link order item", "45.00");
        long open = fixtures.order(customerId, sku + ":2").getJsonNumber("id").longValue();
        long confirmed = fixtures.order(customerId, sku + ":1").getJsonNumber("id").longValue();
        Api sales = Api.as(deployment, "SALES");
        Api.Reply confirm = sales.post("/api/v1/orders/" + confirmed + "/confirm", "{}", Fixtures.key());
        assertEquals(200, confirm.status(), confirm::toString);
        String invoiceNumber = fixtures.orderOf(confirmed).getString("number");

        Api.Reply notInvoiced = links.sendForOrder(sales, open, TestMail.uniqueAddress("open-order"));
        Sent sent = links.orderLink(sales, confirmed);

        assertEquals(422, notInvoiced.status(), notInvoiced::toString);
        assertEquals("order_not_invoiced", notInvoiced.json().getString("code"));
        assertTrue(sent.pdfText().contains("Invoice " + invoiceNumber), sent.pdfText());
        assertTrue(sent.pdfText().contains("45.00 USD"), sent.pdfText());
        Page page = customer.get(sent.path());
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("$45.00"), page.body());
    }

    @Test
    void the_24_hours_start_at_the_first_opening_and_then_the_page_says_whom_to_ask_for_a_new_link() {
        long invoice = fixtures.invoices(customerId, "2026-12-31:80.00")[0];
        Sent sent = links.invoiceLink(invoice);

        links.advanceClock(Duration.ofDays(3));
        Page unopened = customer.get(sent.path());
        assertEquals(200, unopened.status(), "a link nobody opened does not expire: " + unopened);
        Page opened = customer.postForm(sent.path() + "/opened", Map.of(),
                Map.of("X-CSRF-Token", unopened.csrf()));
        assertEquals(204, opened.status(), opened::toString);

        links.advanceClock(Duration.ofHours(23));
        Page stillActive = customer.get(sent.path());
        assertEquals(200, stillActive.status(), stillActive::toString);
        assertTrue(stillActive.body().contains("This link works until"), stillActive.body());

        links.advanceClock(Duration.ofHours(1).plusSeconds(1));
        Page expired = customer.get(sent.path());
        assertEquals(410, expired.status(), expired::toString);
        assertTrue(expired.body().contains("This payment link has expired"), expired.body());
        assertTrue(expired.body().contains("ask <strong>"), expired.body());

        Page pay = customer.postForm(sent.path(), fields("type", "card", "token", "pm_card_visa", "idempotencyKey",
                PaymentLinks.keyOf(stillActive), "csrf", stillActive.csrf()), Map.of());
        assertEquals(410, pay.status(), "nothing is charged through an expired link: " + pay);
        assertEquals("80.00", fixtures.openBalance(invoice));
    }

    @Test
    void paying_through_the_link_pays_the_open_balance_on_the_link_channel_and_closes_the_link() {
        long invoice = fixtures.invoices(customerId, "2026-12-31:125.50")[0];
        Sent sent = links.invoiceLink(invoice);
        Page form = customer.get(sent.path());
        String token = PaymentLinks.cardToken(customer, sent.path(), form.csrf(), "4242424242424242");
        Map<String, String> post = fields("type", "card", "token", token, "idempotencyKey",
                PaymentLinks.keyOf(form), "csrf", form.csrf());

        Page paid = customer.postForm(sent.path(), post, Map.of());

        assertEquals(200, paid.status(), paid::toString);
        assertTrue(paid.body().contains("Thank you, your payment is complete"), paid.body());
        long paymentId = paymentIdIn(paid);
        JsonObject payment = fixtures.payment(paymentId);
        assertEquals("SUCCEEDED", payment.getString("status"));
        assertEquals("PAYMENT_LINK", payment.getString("channel"));
        assertEquals("125.50", payment.getJsonObject("amount").getString("amount"));
        assertEquals("0.00", fixtures.openBalance(invoice));

        Page doubleClick = customer.postForm(sent.path(), post, Map.of());
        assertEquals(200, doubleClick.status(), doubleClick::toString);
        assertEquals(paymentId, paymentIdIn(doubleClick), "the same page posted again shows the first outcome");

        Page again = customer.get(sent.path());
        assertEquals(200, again.status());
        assertTrue(again.body().contains("This invoice is paid"), again.body());
        assertFalse(again.body().contains("id=\"payment-link-form\""), "a paid link offers no form");
        assertEquals("0.00", fixtures.credit(customerId));
    }

    @Test
    void a_link_whose_invoice_was_paid_in_accounts_receivable_shows_paid_and_charges_nothing() {
        long invoice = fixtures.invoices(customerId, "2026-12-31:60.00")[0];
        Sent sent = links.invoiceLink(invoice);
        Page form = customer.get(sent.path());
        Api.Reply arPayment = links.cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "60.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customerId, fixtures.cardToken("4242424242424242")), Fixtures.key());
        assertEquals(201, arPayment.status(), arPayment::toString);

        Page page = customer.get(sent.path());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("This invoice is paid"), page.body());
        assertTrue(page.body().contains("nothing was charged"), page.body());

        Page pay = customer.postForm(sent.path(), fields("type", "card", "token", "pm_card_visa", "idempotencyKey",
                PaymentLinks.keyOf(form), "csrf", form.csrf()), Map.of());
        assertEquals(200, pay.status(), pay::toString);
        assertTrue(pay.body().contains("This invoice is paid"), pay.body());
        assertEquals("0.00", fixtures.openBalance(invoice));
        assertEquals("0.00", fixtures.credit(customerId), "nothing more was charged, so nothing became credit");
    }

    @Test
    void an_opted_out_customer_is_refused_a_link_and_gets_no_mail() throws InterruptedException {
        long invoice = fixtures.invoices(customerId, "2026-12-31:10.00")[0];
        fixtures.preferences(customerId, false, false, true);
        String email = TestMail.uniqueAddress("optedout");

        Api.Reply invoiceLink = links.sendInvoice(links.cashier, invoice, email);
        Api.Reply statement = links.sendStatement(links.cashier, customerId, email);

        for (Api.Reply refused : new Api.Reply[] {invoiceLink, statement}) {
            assertEquals(422, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"));
            assertEquals("payment_links_disabled", refused.json().getString("code"));
        }
        Thread.sleep(3000);
        assertTrue(TestMail.messagesTo(email).isEmpty(), "no mail goes to an opted-out customer");
    }

    @Test
    void emailing_an_opted_out_customers_invoice_sends_the_pdf_without_a_link() {
        long invoice = fixtures.invoices(customerId, "2026-12-31:64.00")[0];
        String number = links.invoiceNumber(invoice);
        fixtures.preferences(customerId, false, false, true);
        String email = TestMail.uniqueAddress("plain");

        Api.Reply reply = links.cashier.post("/api/v1/receivables/" + invoice + "/emails",
                "{\"email\": \"" + email + "\"}", Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        assertTrue(reply.json().isNull("paymentLink"), reply::toString);
        var mail = TestMail.awaitMessageTo(email, PaymentLinks.MAIL_TIMEOUT);
        String text = TestMail.allTextOf(mail);
        assertTrue(text.contains("Invoice " + number), text);
        assertFalse(text.contains("/pay/links/"), "no Pay link for an opted-out customer: " + text);
        assertTrue(PaymentLinks.pdfText(PaymentLinks.pdfPart(mail)).contains("64.00 USD"));
    }

    @Test
    void a_statement_link_pays_every_invoice_it_listed() {
        long[] invoices = fixtures.invoices(customerId, "2026-12-01:40.00", "2026-12-15:35.25");
        Sent sent = links.statementLink(customerId);
        for (long invoice : invoices) {
            assertTrue(sent.pdfText().contains(links.invoiceNumber(invoice)), sent.pdfText());
        }
        assertTrue(sent.pdfText().contains("Total to pay: 75.25 USD"), sent.pdfText());
        long later = fixtures.invoices(customerId, "2026-12-30:9.99")[0];

        Page form = customer.get(sent.path());
        assertTrue(form.body().contains("$75.25"), form.body());
        String token = PaymentLinks.cardToken(customer, sent.path(), form.csrf(), "4242424242424242");
        Page paid = customer.postForm(sent.path(), fields("type", "card", "token", token, "idempotencyKey",
                PaymentLinks.keyOf(form), "csrf", form.csrf()), Map.of());

        assertEquals(200, paid.status(), paid::toString);
        assertEquals("75.25", fixtures.payment(paymentIdIn(paid)).getJsonObject("amount").getString("amount"));
        for (long invoice : invoices) {
            assertEquals("0.00", fixtures.openBalance(invoice));
        }
        assertEquals("9.99", fixtures.openBalance(later), "an invoice the statement did not list is not paid");
        assertTrue(customer.get(sent.path()).body().contains("These invoices are paid"));
    }

    @Test
    void bad_input_is_answered_with_problem_json_and_nothing_is_sent() throws InterruptedException {
        long invoice = fixtures.invoices(customerId, "2026-12-31:10.00")[0];
        long paidInvoice = fixtures.invoices(customerId, "2026-12-31:5.00")[0];
        Api.Reply payment = links.cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "5.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"},
                 "allocations": [{"receivableId": %d, "amount": {"amount": "5.00", "currency": "USD"}}]}
                """.formatted(customerId, fixtures.cardToken("4242424242424242"), paidInvoice), Fixtures.key());
        assertEquals(201, payment.status(), payment::toString);
        String email = TestMail.uniqueAddress("bad");

        record Bad(String name, Api.Reply reply, int status, String code) {
        }
        Bad[] cases = {
            new Bad("not an e-mail address", links.cashier.post("/api/v1/receivables/" + invoice
                    + "/payment-links", "{\"email\": \"not-an-address\"}", Fixtures.key()), 400, "invalid_email"),
            new Bad("no e-mail", links.cashier.post("/api/v1/receivables/" + invoice + "/payment-links", "{}",
                    Fixtures.key()), 400, null),
            new Bad("malformed JSON", links.cashier.post("/api/v1/receivables/" + invoice + "/payment-links",
                    "{\"email\": ", Fixtures.key()), 400, null),
            new Bad("unknown invoice", links.sendInvoice(links.cashier, 987_654_321L, email), 404, null),
            new Bad("paid invoice", links.sendInvoice(links.cashier, paidInvoice, email), 422, "invoice_not_open"),
            new Bad("unknown customer", links.sendStatement(links.cashier, 987_654_321L, email), 404, null),
            new Bad("role without links", links.sendInvoice(Api.as(deployment, "ACCOUNTS_PAYABLE"), invoice, email),
                    403, null),
        };
        for (Bad bad : cases) {
            assertEquals(bad.status(), bad.reply().status(), () -> bad.name() + ": " + bad.reply());
            assertTrue(bad.reply().contentType().startsWith("application/problem+json"), bad.name());
            if (bad.code() != null) {
                assertEquals(bad.code(), bad.reply().json().getString("code"), bad.name());
            }
        }
        Thread.sleep(2000);
        assertTrue(TestMail.messagesTo(email).isEmpty(), "nothing was sent");
        assertEquals("10.00", fixtures.openBalance(invoice));
    }

    @Test
    void an_unknown_secret_gets_the_one_410_page_and_a_post_without_the_csrf_token_is_refused() {
        Page unknown = customer.get("/pay/links/" + "A".repeat(43));
        assertEquals(410, unknown.status());
        assertTrue(unknown.body().contains("please ask the company that sent it for a new one"), unknown.body());

        long invoice = fixtures.invoices(customerId, "2026-12-31:12.00")[0];
        Sent sent = links.invoiceLink(invoice);
        Page form = customer.get(sent.path());
        Page forged = customer.postForm(sent.path(), fields("type", "card", "token", "pm_card_visa",
                "idempotencyKey", PaymentLinks.keyOf(form), "csrf", "forged"), Map.of());

        assertEquals(403, forged.status(), forged::toString);
        assertEquals("12.00", fixtures.openBalance(invoice));
    }

    private static long paymentIdIn(Page page) {
        Matcher id = PAYMENT_ID.matcher(page.body());
        assertTrue(id.find(), page.body());
        return Long.parseLong(id.group(1));
    }
}
