package org.paydesk.it.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** Idempotency-Key on payments: a retry replays, a different body is refused, and nothing is charged twice. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotencyIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void the_same_key_and_body_twice_replays_the_first_response_and_charges_once() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        String body = """
                {"customerId": %d, "amount": {"amount": "60.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("4242424242424242"));
        String key = Fixtures.key();
        Api cashier = Api.as(deployment, "CASHIER");

        Api.Reply first = cashier.post("/api/v1/payments", body, key);
        Api.Reply second = cashier.post("/api/v1/payments", body, key);

        assertEquals(201, first.status(), first::toString);
        assertEquals(201, second.status(), second::toString);
        assertEquals(first.body(), second.body(), "the replay is the first response, byte for byte");
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals("true", second.header("Idempotent-Replayed").orElse(""));
        assertEquals("40.00", given.openBalance(invoices[0]), "applied once, not twice");
        int paymentId = first.json().getInt("id");
        var charges = Api.as(deployment, "ADMIN").get("/api/v1/payments/" + paymentId + "/processor-charges")
                .jsonArray();
        assertEquals(1, charges.size(), "the processor holds exactly one charge: " + charges);
        assertEquals("succeeded", charges.getJsonObject(0).getString("status"));
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_changes_nothing() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        String token = given.cardToken("4242424242424242");
        String key = Fixtures.key();
        Api cashier = Api.as(deployment, "CASHIER");
        cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, token), key);

        Api.Reply reused = cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "90.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, token), key);

        assertEquals(422, reused.status(), reused::toString);
        assertTrue(reused.contentType().startsWith("application/problem+json"));
        assertEquals("idempotency_key_reused", reused.json().getString("code"));
        assertEquals("Idempotency-Key", reused.problemField());
        assertEquals("90.00", given.openBalance(invoices[0]), "only the first 10.00 was applied");
    }

    @Test
    void keys_are_scoped_to_the_caller_so_two_users_never_replay_each_other() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        String body = """
                {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("4242424242424242"));
        String key = Fixtures.key();

        Api.Reply cashiers = Api.as(deployment, "CASHIER").post("/api/v1/payments", body, key);
        Api.Reply sales = Api.as(deployment, "SALES").post("/api/v1/payments", body, key);

        assertEquals(201, cashiers.status());
        assertEquals(201, sales.status());
        assertTrue(cashiers.json().getInt("id") != sales.json().getInt("id"));
        assertEquals("80.00", given.openBalance(invoices[0]));
    }

    @Test
    void concurrent_retries_with_one_key_charge_exactly_once() throws Exception {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        String body = """
                {"customerId": %d, "amount": {"amount": "25.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("4242424242424242"));
        String key = Fixtures.key();
        Api cashier = Api.as(deployment, "CASHIER");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<Api.Reply> retry = () -> cashier.post("/api/v1/payments", body, key);
                replies.add(pool.submit(retry));
            }
            Integer paymentId = null;
            for (Future<Api.Reply> future : replies) {
                Api.Reply reply = future.get();
                assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
                if (reply.status() == 201) {
                    int id = reply.json().getInt("id");
                    assertTrue(paymentId == null || paymentId == id, "every success names the same payment");
                    paymentId = id;
                } else {
                    assertEquals("request_in_progress", reply.json().getString("code"));
                }
            }
            assertTrue(paymentId != null, "at least one request ran");
            assertEquals("75.00", given.openBalance(invoices[0]), "applied exactly once");
            assertEquals(1, Api.as(deployment, "ADMIN")
                    .get("/api/v1/payments/" + paymentId + "/processor-charges").jsonArray().size());
        } finally {
            pool.shutdownNow();
        }
    }
}
