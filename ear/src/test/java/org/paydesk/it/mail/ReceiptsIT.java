package org.paydesk.it.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;

/**
 * Receipts and refund notices through the outbox to GreenMail: one receipt per payment that went through (an ACH
 * debit once it settles), one notice per refund, none for a customer who turned them off, none more for a replayed
 * request, and never a card number or a processor token in a mail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReceiptsIT {

    private static final String VISA = "4242424242424242";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(40);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    /** A USD customer whose mail goes to an address no other test uses. */
    private record Customer(long id, String number, String email) {
    }

    private Customer customer() {
        String number = Fixtures.unique("C");
        String email = TestMail.uniqueAddress("receipts");
        Api.Reply reply = Api.as(deployment, "ADMIN").post("/api/v1/customers", """
                {"number": "%s", "name": "Bolt & Nut Traders", "email": "%s", "currency": "USD"}
                """.formatted(number, email));
        assertEquals(201, reply.status(), reply::toString);
        return new Customer(reply.json().getJsonNumber("id").longValue(), number, email);
    }

    private static String cardPayment(long customer, String amount, String token) {
        return """
                {"customerId": %d, "amount": {"amount": "%s", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, amount, token);
    }

    private Api.Reply pay(String body, String key) {
        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", body, key);
        assertEquals(201, reply.status(), reply::toString);
        return reply;
    }

    private Api.Reply refund(long payment, String amount, String key) {
        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments/" + payment + "/refunds",
                "{\"amount\": {\"amount\": \"%s\", \"currency\": \"USD\"}, \"reason\": \"damaged\"}".formatted(amount),
                key);
        assertEquals(201, reply.status(), reply::toString);
        return reply;
    }

    /**
     * Waits until every mail enqueued so far has been delivered: a receipt enqueued now, for a customer of its own,
     * arrives only after them (the outbox delivers oldest first), then a little more for the batch it was in.
     */
    private void outboxDrained(Fixtures given) throws InterruptedException {
        Customer control = customer();
        pay(cardPayment(control.id(), "1.00", given.cardToken(VISA)), Fixtures.key());
        TestMail.awaitMessageTo(control.email(), MAIL_WAIT);
        Thread.sleep(1_500);
    }

    private static List<MimeMessage> withSubject(String address, String start) {
        return TestMail.messagesTo(address).stream().filter(mail -> subjectOf(mail).startsWith(start)).toList();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage awaitMail(String address, String subjectStart) throws InterruptedException {
        Instant deadline = Instant.now().plus(MAIL_WAIT);
        while (withSubject(address, subjectStart).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail \"" + subjectStart + "...\" to " + address + " within " + MAIL_WAIT
                        + "; got " + TestMail.messagesTo(address).stream().map(ReceiptsIT::subjectOf).toList());
            }
            Thread.sleep(100);
        }
        return withSubject(address, subjectStart).get(0);
    }

    /** Neither the card number (nor its digits split by spaces or dashes) nor the processor's token is in the mail. */
    private static void assertNoCardData(MimeMessage mail, String token) {
        String raw = new String(TestMail.raw(mail), StandardCharsets.ISO_8859_1);
        String decoded = TestMail.allTextOf(mail);
        for (String text : List.of(raw, decoded)) {
            String digits = text.replaceAll("(?<=\\d)[ -](?=\\d)", "");
            assertFalse(text.contains(VISA) || digits.contains(VISA), "a card number in a mail");
            assertFalse(text.contains(token), "the processor's token in a mail");
        }
    }

    @Test
    void a_card_payment_sends_one_receipt_with_amount_and_invoices_and_a_replayed_request_no_second() throws Exception {
        Fixtures given = new Fixtures(deployment);
        Customer customer = customer();
        long[] invoices = given.invoices(customer.id(), "2026-01-31:60.00", "2026-02-28:40.00");
        String older = given.invoice(invoices[0]).getString("number");
        String newer = given.invoice(invoices[1]).getString("number");
        String token = given.cardToken(VISA);
        String body = cardPayment(customer.id(), "150.00", token);
        String key = Fixtures.key();

        long payment = pay(body, key).json().getJsonNumber("id").longValue();
        MimeMessage receipt = awaitMail(customer.email(), "Receipt:");

        assertEquals("Receipt: your payment of USD 150.00 to us (payment " + payment + ")", subjectOf(receipt));
        String text = TestMail.textOf(receipt);
        assertTrue(text.contains("Receipt for Bolt & Nut Traders (customer " + customer.number() + ")"), text);
        assertTrue(text.contains("Amount:    USD 150.00\n") || text.contains("Amount:    USD 150.00\r\n"), text);
        assertTrue(text.contains("Paid by:   Card"), text);
        assertTrue(text.contains(older + ": USD 60.00"), text);
        assertTrue(text.contains(newer + ": USD 40.00"), text);
        assertTrue(text.contains("Kept as credit on your account: USD 50.00"), text);
        String html = TestMail.htmlOf(receipt);
        assertTrue(html.contains("Receipt for Bolt &amp; Nut Traders"), html);
        assertTrue(html.contains("<strong>USD 150.00</strong>"), html);
        assertTrue(html.contains(older + ": USD 60.00") && html.contains(newer + ": USD 40.00"), html);
        assertNoCardData(receipt, token);

        Api.Reply replay = pay(body, key);
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(""), replay::toString);
        outboxDrained(given);

        assertEquals(1, TestMail.messagesTo(customer.email()).size(), "one receipt, not one per request");
    }

    @Test
    void a_refund_sends_one_notice_and_a_replayed_refund_request_no_second() throws Exception {
        Fixtures given = new Fixtures(deployment);
        Customer customer = customer();
        String token = given.cardToken(VISA);
        long payment = pay(cardPayment(customer.id(), "80.00", token), Fixtures.key()).json()
                .getJsonNumber("id").longValue();
        awaitMail(customer.email(), "Receipt:");
        String key = Fixtures.key();

        JsonObject refund = refund(payment, "30.00", key).json();
        MimeMessage notice = awaitMail(customer.email(), "Refund");

        assertEquals("Refund of USD 30.00 started (payment " + payment + ")", subjectOf(notice));
        String text = TestMail.textOf(notice);
        assertTrue(text.contains("We have started a refund of USD 30.00 to you."), text);
        assertTrue(text.contains("Refund:        " + refund.getJsonNumber("id").longValue()), text);
        assertTrue(text.contains("From payment:  " + payment + " of USD 80.00"), text);
        assertTrue(text.contains("within 5 to 10 business days"), text);
        assertTrue(TestMail.htmlOf(notice).contains("<strong>USD 30.00</strong>"));
        assertNoCardData(notice, token);

        refund(payment, "30.00", key);
        outboxDrained(given);

        assertEquals(1, withSubject(customer.email(), "Refund").size(), "one notice per refund");
        assertEquals(2, TestMail.messagesTo(customer.email()).size(), "the receipt and the notice, nothing else");
    }

    @Test
    void a_customer_who_turned_receipts_off_gets_neither_receipt_nor_refund_notice() throws Exception {
        Fixtures given = new Fixtures(deployment);
        Customer customer = customer();
        JsonObject changed = given.preferences(customer.id(), false, true, false);
        assertEquals(JsonValue.FALSE, changed.getJsonObject("preferences").get("receiptsEnabled"), changed::toString);

        long payment = pay(cardPayment(customer.id(), "40.00", given.cardToken(VISA)), Fixtures.key()).json()
                .getJsonNumber("id").longValue();
        refund(payment, "10.00", Fixtures.key());
        outboxDrained(given);

        assertEquals(0, TestMail.messagesTo(customer.email()).size());
    }

    @Test
    void an_ach_debit_sends_its_receipt_when_it_settles_not_while_it_is_processing() throws Exception {
        Fixtures given = new Fixtures(deployment);
        Customer settling = customer();
        Customer processing = customer();
        String token = given.achToken("000123456789");

        long settles = payAch(settling, "75.00", token);
        long staysProcessing = payAch(processing, "25.00", given.achToken("000000000009"));
        assertEquals("SUCCEEDED", given.awaitSettled(settles));
        MimeMessage receipt = awaitMail(settling.email(), "Receipt:");
        outboxDrained(given);

        assertEquals("PROCESSING", given.payment(staysProcessing).getString("status"));
        assertEquals(List.of(), describe(processing.email()), "no receipt while the debit is processing");
        assertTrue(TestMail.textOf(receipt).contains("Paid by:   Bank account (ACH debit)"), TestMail.textOf(receipt));
        assertFalse(TestMail.allTextOf(receipt).contains("000123456789"), "no account number in a mail");
        assertNoCardData(receipt, token);
        assertEquals(1, TestMail.messagesTo(settling.email()).size(),
                () -> "one receipt, when it settled: " + describe(settling.email()));
    }

    private long payAch(Customer customer, String amount, String token) {
        JsonObject payment = pay("""
                {"customerId": %d, "amount": {"amount": "%s", "currency": "USD"},
                 "paymentMethod": {"type": "ach", "token": "%s"}}
                """.formatted(customer.id(), amount, token), Fixtures.key()).json();
        assertEquals("PROCESSING", payment.getString("status"));
        return payment.getJsonNumber("id").longValue();
    }

    /** Each mail to the address as its subject and first lines, for failure messages. */
    private static List<String> describe(String address) {
        return TestMail.messagesTo(address).stream().map(mail -> subjectOf(mail) + " | "
                + TestMail.textOf(mail).lines().limit(8).toList()).toList();
    }

    @Test
    void a_pay_and_confirm_receipt_lists_the_orders_new_invoice() throws Exception {
        Fixtures given = new Fixtures(deployment);
        Customer customer = customer();
        JsonObject order = given.order(customer.id(), given.item("Hex bolts M10, box of 100", "12.50") + ":2");

        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/orders/" + order.getInt("id")
                + "/pay-and-confirm", "{\"paymentMethod\": {\"type\": \"CARD\", \"token\": \""
                + given.cardToken(VISA) + "\"}}", Fixtures.key());
        assertEquals(201, reply.status(), reply::toString);
        long invoice = reply.json().getJsonObject("order").getJsonNumber("receivableId").longValue();
        MimeMessage receipt = awaitMail(customer.email(), "Receipt:");

        String text = TestMail.textOf(receipt);
        assertTrue(text.contains(given.invoice(invoice).getString("number") + ": USD 25.00"), text);
        assertTrue(text.contains("Kept as credit on your account: USD 0.00"), text);
    }
}
