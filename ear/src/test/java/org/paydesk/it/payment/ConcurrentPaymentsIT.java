package org.paydesk.it.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Payments racing for the same invoices: never over-applied, and every cent ends on an invoice or in credit. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentPaymentsIT {

    private static final int RACERS = 20;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void twenty_payments_racing_for_one_invoice_apply_exactly_its_balance() throws Exception {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long invoice = given.invoices(customer, "2026-01-31:100.00")[0];
        String token = given.cardToken("4242424242424242");
        String body = """
                {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"},
                 "allocations": [{"receivableId": %d, "amount": {"amount": "10.00", "currency": "USD"}}]}
                """.formatted(customer, token, invoice);

        List<Api.Reply> replies = race(body);

        long succeeded = replies.stream().filter(reply -> reply.status() == 201).count();
        for (Api.Reply reply : replies) {
            if (reply.status() != 201) {
                assertEquals(422, reply.status(), reply::toString);
                assertEquals("allocation_exceeds_balance", reply.json().getString("code"));
            }
        }
        assertEquals(10, succeeded, "ten payments of 10.00 fit in 100.00, no more");
        assertEquals("0.00", given.openBalance(invoice));
        assertEquals("0.00", given.credit(customer));
    }

    @Test
    void twenty_oldest_first_payments_racing_leave_every_cent_on_an_invoice_or_in_credit() throws Exception {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00", "2026-02-28:50.00", "2026-03-31:33.33");
        String body = """
                {"customerId": %d, "amount": {"amount": "15.01", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("4242424242424242"));

        List<Api.Reply> replies = race(body);

        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal unapplied = BigDecimal.ZERO;
        Map<Long, BigDecimal> appliedPerInvoice = new HashMap<>();
        for (Api.Reply reply : replies) {
            assertEquals(201, reply.status(), reply::toString);
            JsonObject payment = reply.json();
            BigDecimal amount = new BigDecimal(payment.getJsonObject("amount").getString("amount"));
            BigDecimal allocated = BigDecimal.ZERO;
            for (JsonObject allocation : payment.getJsonArray("allocations").getValuesAs(JsonObject.class)) {
                BigDecimal applied = new BigDecimal(allocation.getJsonObject("amount").getString("amount"));
                allocated = allocated.add(applied);
                appliedPerInvoice.merge(allocation.getJsonNumber("receivableId").longValue(), applied,
                        BigDecimal::add);
            }
            BigDecimal rest = new BigDecimal(payment.getJsonObject("unapplied").getString("amount"));
            assertEquals(amount, allocated.add(rest), "each payment is fully accounted for: " + payment);
            paid = paid.add(amount);
            unapplied = unapplied.add(rest);
        }
        BigDecimal[] originals = {new BigDecimal("100.00"), new BigDecimal("50.00"), new BigDecimal("33.33")};
        BigDecimal onInvoices = BigDecimal.ZERO;
        for (int i = 0; i < invoices.length; i++) {
            BigDecimal open = new BigDecimal(given.openBalance(invoices[i]));
            assertTrue(open.signum() >= 0, "never below zero");
            BigDecimal reduction = originals[i].subtract(open);
            assertEquals(reduction, appliedPerInvoice.getOrDefault(invoices[i], BigDecimal.ZERO).setScale(2),
                    "the invoice's balance fell by exactly what payments applied to it");
            onInvoices = onInvoices.add(reduction);
        }
        BigDecimal credit = new BigDecimal(given.credit(customer));
        assertEquals(new BigDecimal("300.20"), paid);
        assertEquals(new BigDecimal("183.33"), onInvoices, "all three invoices are paid in full, no more");
        assertEquals(unapplied, credit, "the credit is exactly the unapplied money");
        assertEquals(paid, onInvoices.add(credit), "every cent is on an invoice or in credit");
    }

    private List<Api.Reply> race(String body) throws Exception {
        Api cashier = Api.as(deployment, "CASHIER");
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> cashier.post("/api/v1/payments", body, Fixtures.key())));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
