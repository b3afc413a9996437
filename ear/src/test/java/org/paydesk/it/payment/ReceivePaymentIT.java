package org.paydesk.it.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
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

/** A/R "Receive Payment" end to end: the deployed EAR, real WildFly, EclipseLink on H2, the sandbox processor. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReceivePaymentIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void a_payment_larger_than_two_invoices_pays_them_oldest_first_and_keeps_the_rest_as_credit() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-03-31:300.00", "2026-01-31:100.00", "2026-02-28:200.00");
        String token = given.cardToken("4242424242424242");

        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "350.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, token), Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        JsonObject payment = reply.json();
        assertEquals("SUCCEEDED", payment.getString("status"));
        assertTrue(reply.header("Location").orElseThrow().endsWith("/api/v1/payments/" + payment.getInt("id")));
        JsonArray allocations = payment.getJsonArray("allocations");
        assertEquals(3, allocations.size(), "the January, February and March invoices get money: " + payment);
        assertEquals(invoices[1], allocations.getJsonObject(0).getJsonNumber("receivableId").longValue());
        assertEquals("100.00", allocations.getJsonObject(0).getJsonObject("amount").getString("amount"));
        assertEquals(invoices[2], allocations.getJsonObject(1).getJsonNumber("receivableId").longValue());
        assertEquals("200.00", allocations.getJsonObject(1).getJsonObject("amount").getString("amount"));
        assertEquals(invoices[0], allocations.getJsonObject(2).getJsonNumber("receivableId").longValue());
        assertEquals("50.00", allocations.getJsonObject(2).getJsonObject("amount").getString("amount"));
        assertEquals("0.00", payment.getJsonObject("unapplied").getString("amount"));
        assertEquals("0.00", given.openBalance(invoices[1]));
        assertEquals("0.00", given.openBalance(invoices[2]));
        assertEquals("250.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
    }

    @Test
    void money_beyond_every_open_invoice_becomes_customer_credit() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00", "2026-02-28:200.00");

        Api.Reply reply = Api.as(deployment, "ACCOUNTS_RECEIVABLE").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "325.50", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("5555555555554444")), Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("25.50", reply.json().getJsonObject("unapplied").getString("amount"));
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.openBalance(invoices[1]));
        assertEquals("PAID", given.invoice(invoices[0]).getString("status"));
        assertEquals("25.50", given.credit(customer));
    }

    @Test
    void explicit_allocations_pay_exactly_what_staff_chose_and_keep_the_rest_as_credit() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00", "2026-02-28:200.00", "2026-03-31:300.00");

        Api.Reply reply = Api.as(deployment, "SALES").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "250.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"},
                 "allocations": [{"receivableId": %d, "amount": {"amount": "120.00", "currency": "USD"}},
                                 {"receivableId": %d, "amount": {"amount": "30.00", "currency": "USD"}}]}
                """.formatted(customer, given.cardToken("4242424242424242"), invoices[2], invoices[1]),
                Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("100.00", reply.json().getJsonObject("unapplied").getString("amount"));
        assertEquals("100.00", given.openBalance(invoices[0]), "the oldest invoice was not chosen, so it is untouched");
        assertEquals("170.00", given.openBalance(invoices[1]));
        assertEquals("180.00", given.openBalance(invoices[2]));
        assertEquals("PARTIALLY_PAID", given.invoice(invoices[2]).getString("status"));
        assertEquals("100.00", given.credit(customer));
    }

    @Test
    void a_preview_shows_the_allocation_and_changes_nothing() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00", "2026-02-28:200.00");

        Api.Reply reply = Api.as(deployment, "CREDIT_MANAGER").post("/api/v1/payments/preview", """
                {"customerId": %d, "amount": {"amount": "150.00", "currency": "USD"}}
                """.formatted(customer));

        assertEquals(200, reply.status(), reply::toString);
        JsonArray allocations = reply.json().getJsonArray("allocations");
        assertEquals(2, allocations.size());
        assertEquals("100.00", allocations.getJsonObject(0).getJsonObject("amount").getString("amount"));
        assertEquals("50.00", allocations.getJsonObject(1).getJsonObject("amount").getString("amount"));
        assertEquals("0.00", reply.json().getJsonObject("unapplied").getString("amount"));
        assertEquals("100.00", given.openBalance(invoices[0]));
        assertEquals("200.00", given.openBalance(invoices[1]));
        assertEquals("0.00", given.credit(customer));
    }

    @Test
    void a_declined_card_records_a_failed_payment_with_the_decline_code_and_touches_no_invoice() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");

        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "100.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("4000000000000002")), Fixtures.key());

        assertEquals(402, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals("card_declined", problem.getString("code"));
        assertEquals("generic_decline", problem.getString("declineCode"));
        JsonObject payment = problem.getJsonObject("payment");
        assertEquals("FAILED", payment.getString("status"));
        assertEquals("generic_decline", payment.getJsonObject("failure").getString("declineCode"));
        assertEquals("100.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));

        Api.Reply stored = Api.as(deployment, "ADMIN").get("/api/v1/payments/" + payment.getInt("id"));
        assertEquals("FAILED", stored.json().getString("status"));
    }

    @Test
    void insufficient_funds_is_a_decline_with_its_own_code() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:80.00");

        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "80.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("4000000000009995")), Fixtures.key());

        assertEquals(402, reply.status(), reply::toString);
        assertEquals("insufficient_funds", reply.json().getString("declineCode"));
        assertEquals("80.00", given.openBalance(invoices[0]));
    }

    @Test
    void an_ach_payment_is_processing_at_once_and_succeeds_later_keeping_its_allocations() throws Exception {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");

        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "120.00", "currency": "USD"},
                 "paymentMethod": {"type": "ach", "token": "%s"}}
                """.formatted(customer, given.achToken("000123456789")), Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PROCESSING", reply.json().getString("status"));
        assertEquals("0.00", given.openBalance(invoices[0]), "the money is reserved for the invoice while it settles");
        assertEquals("0.00", given.credit(customer), "credit only exists once the money has arrived");

        String status = awaitSettled(reply.json().getInt("id"));
        assertEquals("SUCCEEDED", status);
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("20.00", given.credit(customer));
    }

    @Test
    void a_failing_ach_debit_reopens_the_invoices_when_it_fails() throws Exception {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");

        Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "100.00", "currency": "USD"},
                 "paymentMethod": {"type": "ach", "token": "%s"}}
                """.formatted(customer, given.achToken("000111111116")), Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PROCESSING", reply.json().getString("status"));
        assertEquals("FAILED", awaitSettled(reply.json().getInt("id")));
        assertEquals("100.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
    }

    private String awaitSettled(int paymentId) throws InterruptedException {
        Api admin = Api.as(deployment, "ADMIN");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status;
        do {
            Thread.sleep(200);
            status = admin.get("/api/v1/payments/" + paymentId).json().getString("status");
        } while ("PROCESSING".equals(status) && Instant.now().isBefore(deadline));
        assertFalse("PROCESSING".equals(status), "the ACH debit never settled");
        return status;
    }
}
