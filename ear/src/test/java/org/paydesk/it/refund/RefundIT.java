package org.paydesk.it.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;

/**
 * Refunds end to end with the sandbox processor: credit first, then the newest invoice; never more than is left; a
 * pending ACH refund followed by the reconciler (on the server's EJB timer) to its end; money neither lost nor made.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefundIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @AfterEach
    void clock_back_to_real_time() {
        Api.as(deployment, "ADMIN").post("/api/v1/testing/clock/reset", "{}");
    }

    /** 150.00 paid: 60.00 on an older invoice, 40.00 on a newer one, 50.00 as credit. Returns [payment, old, new]. */
    private long[] paid(Fixtures given, long customer, String type, String token) {
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "150.00", "currency": "USD"},
                 "paymentMethod": {"type": "%s", "token": "%s"}}
                """.formatted(customer, type, token),
                Fixtures.key());
        assertTrue(reply.status() == 201, reply::toString);
        long payment = reply.json().getJsonNumber("id").longValue();
        return new long[] {payment, invoices[0], invoices[1]};
    }

    private static Api.Reply refund(Api api, long payment, String amount, String key) {
        String body = amount == null ? "{\"reason\": \"goods returned\"}"
                : "{\"amount\": {\"amount\": \"%s\", \"currency\": \"USD\"}, \"reason\": \"damaged\"}".formatted(amount);
        return api.post("/api/v1/payments/" + payment + "/refunds", body, key);
    }

    /** What the customer's money now is: on the invoices (paid part) plus credit, in cents. */
    private static long held(Fixtures given, long customer, long... invoices) {
        long cents = new BigDecimal(given.credit(customer)).movePointRight(2).longValueExact();
        for (long invoice : invoices) {
            JsonObject json = given.invoice(invoice);
            cents += new BigDecimal(json.getJsonObject("amount").getString("amount")).movePointRight(2)
                    .longValueExact()
                    - new BigDecimal(json.getJsonObject("openBalance").getString("amount")).movePointRight(2)
                    .longValueExact();
        }
        return cents;
    }

    @Test
    void a_partial_card_refund_takes_the_credit_first_then_the_newest_invoice_and_the_rest_follows() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] paid = paid(given, customer, "card", given.cardToken("4242424242424242"));
        Api cashier = Api.as(deployment, "CASHIER");

        Api.Reply first = refund(cashier, paid[0], "70.00", Fixtures.key());

        assertEquals(201, first.status(), first::toString);
        JsonObject refund = first.json();
        assertEquals("SUCCEEDED", refund.getString("status"));
        assertEquals("50.00", refund.getJsonObject("creditTakenBack").getString("amount"));
        JsonArray reopened = refund.getJsonArray("invoicesReopened");
        assertEquals(1, reopened.size(), refund::toString);
        assertEquals(paid[2], reopened.getJsonObject(0).getJsonNumber("receivableId").longValue());
        assertEquals("0.00", given.credit(customer));
        assertEquals("20.00", given.openBalance(paid[2]));
        assertEquals("0.00", given.openBalance(paid[1]));
        JsonObject payment = given.payment(paid[0]);
        assertEquals("PARTIALLY_REFUNDED", payment.getString("status"));
        assertEquals("70.00", payment.getJsonObject("refunded").getString("amount"));
        assertEquals(15000 - 7000, held(given, customer, paid[1], paid[2]));

        Api.Reply rest = refund(cashier, paid[0], null, Fixtures.key());

        assertEquals(201, rest.status(), rest::toString);
        assertEquals("80.00", rest.json().getJsonObject("amount").getString("amount"));
        assertEquals("REFUNDED", given.payment(paid[0]).getString("status"));
        assertEquals("60.00", given.openBalance(paid[1]));
        assertEquals("40.00", given.openBalance(paid[2]));
        assertEquals(0, held(given, customer, paid[1], paid[2]));
        JsonArray listed = cashier.get("/api/v1/payments/" + paid[0] + "/refunds").jsonArray();
        assertEquals(2, listed.size());
        assertEquals("70.00", listed.getJsonObject(0).getJsonObject("amount").getString("amount"));
    }

    @Test
    void more_than_is_left_is_refused_with_a_problem_and_nothing_changes() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] paid = paid(given, customer, "card", given.cardToken("4242424242424242"));
        Api admin = Api.as(deployment, "ADMIN");

        Api.Reply tooMuch = refund(admin, paid[0], "150.01", Fixtures.key());
        Api.Reply zero = refund(admin, paid[0], "0.00", Fixtures.key());
        Api.Reply extraDigits = refund(admin, paid[0], "1.001", Fixtures.key());
        Api.Reply missing = refund(admin, 987654321L, "1.00", Fixtures.key());

        assertEquals(422, tooMuch.status(), tooMuch::toString);
        assertEquals("application/problem+json", tooMuch.contentType());
        assertEquals("refund_exceeds_refundable", tooMuch.json().getString("code"));
        assertEquals("amount", tooMuch.problemField());
        assertEquals(400, zero.status(), zero::toString);
        assertEquals(400, extraDigits.status(), extraDigits::toString);
        assertEquals(404, missing.status(), missing::toString);
        assertEquals("SUCCEEDED", given.payment(paid[0]).getString("status"));
        assertEquals("50.00", given.credit(customer));
        assertEquals(15000, held(given, customer, paid[1], paid[2]));
        assertEquals(0, admin.get("/api/v1/payments/" + paid[0] + "/refunds").jsonArray().size());
    }

    @Test
    void the_same_idempotency_key_refunds_once() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] paid = paid(given, customer, "card", given.cardToken("4242424242424242"));
        Api cashier = Api.as(deployment, "CASHIER");
        String key = Fixtures.key();

        Api.Reply first = refund(cashier, paid[0], "10.00", key);
        Api.Reply again = refund(cashier, paid[0], "10.00", key);

        assertEquals(201, first.status(), first::toString);
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed").orElse(""));
        assertEquals("10.00", given.payment(paid[0]).getJsonObject("refunded").getString("amount"));
    }

    @Test
    void a_pending_ach_refund_is_followed_by_the_reconciler_until_it_succeeds() throws InterruptedException {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] paid = paid(given, customer, "ach", given.achToken("000123456789"));
        assertEquals("SUCCEEDED", given.awaitSettled(paid[0]));
        Api cashier = Api.as(deployment, "CASHIER");

        Api.Reply reply = refund(cashier, paid[0], "150.00", Fixtures.key());
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PENDING", reply.json().getString("status"));
        // The sandbox completes an ACH refund after its settlement delay (1 s in these tests); the reconciler asks
        // five minutes after the refund was made: let the sandbox finish, move the clock, let the timer run.
        Thread.sleep(1500);
        Api.as(deployment, "ADMIN").post("/api/v1/testing/clock/advance", "{\"seconds\": 301}");

        String status = "PENDING";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"SUCCEEDED".equals(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            status = cashier.get("/api/v1/payments/" + paid[0] + "/refunds").jsonArray().getJsonObject(0)
                    .getString("status");
        }
        assertEquals("SUCCEEDED", status);
        assertEquals("REFUNDED", given.payment(paid[0]).getString("status"));
        assertEquals(0, held(given, customer, paid[1], paid[2]));
    }

    @Test
    void a_refund_needs_a_role_that_may_refund() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] paid = paid(given, customer, "card", given.cardToken("4242424242424242"));

        Api.Reply sales = refund(Api.as(deployment, "SALES"), paid[0], "1.00", Fixtures.key());
        Api.Reply anonymous = refund(Api.anonymous(deployment), paid[0], "1.00", Fixtures.key());

        assertEquals(403, sales.status(), sales::toString);
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("0.00", given.payment(paid[0]).getJsonObject("refunded").getString("amount"));
    }

    @Test
    void the_webhook_endpoint_refuses_an_unsigned_event_in_sandbox_mode_and_the_unresolved_list_answers() {
        Api.Reply webhook = Api.anonymous(deployment).post("/api/v1/webhooks/stripe",
                "{\"id\": \"evt_1\", \"type\": \"payment_intent.succeeded\"}");
        Api.Reply unresolved = Api.as(deployment, "ACCOUNTS_RECEIVABLE").get("/api/v1/payments/unresolved");

        assertEquals(400, webhook.status(), webhook::toString);
        assertEquals("invalid_signature", webhook.json().getString("code"));
        assertEquals(200, unresolved.status(), unresolved::toString);
        assertTrue(unresolved.json().containsKey("items"));
    }
}
