package org.paydesk.it.paymentmethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
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
import org.paydesk.it.support.TestUsers;

/** "Save for future payments", the Payment Methods tab, and a buyer's own methods. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SavedPaymentMethodsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void a_method_saved_at_receive_payment_pays_the_next_invoice_without_entering_it_again() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00", "2026-02-28:200.00");
        Api cashier = Api.as(deployment, "CASHIER");

        Api.Reply first = cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "100.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}, "savePaymentMethod": true}
                """.formatted(customer, given.cardToken("4242424242424242")), Fixtures.key());
        assertEquals(201, first.status(), first::toString);

        JsonArray methods = cashier.get("/api/v1/customers/" + customer + "/payment-methods").jsonArray();
        assertEquals(1, methods.size(), methods::toString);
        JsonObject saved = methods.getJsonObject(0);
        assertEquals("card", saved.getString("type"));
        assertEquals("visa", saved.getString("brand").toLowerCase());
        assertEquals("4242", saved.getString("last4"));
        assertTrue(saved.getBoolean("default"), "the first saved method is the default");
        assertFalse(saved.toString().contains("4242424242424242"), "no card number is shown");

        Api.Reply second = cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "200.00", "currency": "USD"},
                 "paymentMethod": {"savedMethodId": %d}}
                """.formatted(customer, saved.getJsonNumber("id").longValue()), Fixtures.key());

        assertEquals(201, second.status(), second::toString);
        assertEquals("SUCCEEDED", second.json().getString("status"));
        assertEquals(saved.getString("token"), second.json().getJsonObject("paymentMethod").getString("token"));
        assertEquals("0.00", given.openBalance(invoices[1]));
    }

    @Test
    void staff_set_the_default_and_remove_a_method_which_then_cannot_pay() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long invoice = given.invoices(customer, "2026-01-31:100.00")[0];
        Api staff = Api.as(deployment, "SALES_MANAGER");
        long visa = add(staff, customer, "card", given.cardToken("4242424242424242"));
        long ach = add(staff, customer, "ach", given.achToken("000123456789"));

        Api.Reply made = staff.post("/api/v1/customers/" + customer + "/payment-methods/" + ach + "/default", "");
        assertEquals(200, made.status(), made::toString);
        JsonArray methods = staff.get("/api/v1/customers/" + customer + "/payment-methods").jsonArray();
        assertEquals(ach, methods.getJsonObject(0).getJsonNumber("id").longValue(), "the default is listed first");
        assertTrue(methods.getJsonObject(0).getBoolean("default"));
        assertFalse(methods.getJsonObject(1).getBoolean("default"), "only one default");
        assertEquals("6789", methods.getJsonObject(0).getString("last4"));

        Api.Reply removed = staff.delete("/api/v1/customers/" + customer + "/payment-methods/" + visa);
        assertEquals(204, removed.status(), removed::toString);
        assertEquals(1, staff.get("/api/v1/customers/" + customer + "/payment-methods").jsonArray().size());

        Api.Reply payWithRemoved = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"},
                 "paymentMethod": {"savedMethodId": %d}}
                """.formatted(customer, visa), Fixtures.key());
        assertEquals(422, payWithRemoved.status(), payWithRemoved::toString);
        assertEquals("payment_method_not_found", payWithRemoved.json().getString("code"));
        assertEquals("100.00", given.openBalance(invoice), "nothing was applied");
    }

    @Test
    void a_buyer_manages_their_own_methods_and_never_sees_anyone_elses() {
        Fixtures given = new Fixtures(deployment);
        long mine = given.customer();
        long theirs = given.customer();
        Api admin = Api.as(deployment, "ADMIN");
        Api.Reply linked = admin.post("/api/v1/customers/" + mine + "/buyers",
                "{\"login\": \"" + TestUsers.user("BUYER") + "\"}");
        assertEquals(204, linked.status(), linked::toString);
        add(admin, theirs, "card", given.cardToken("5555555555554444"));
        Api buyer = Api.as(deployment, "BUYER");

        assertEquals(mine, buyer.get("/api/v1/buyer/customer").json().getJsonNumber("id").longValue());
        String token = buyer.post("/api/v1/sandbox/payment-methods", """
                {"type": "card", "card": {"number": "4242424242424242", "expMonth": 11, "expYear": 2033, "cvc": "321"}}
                """).json().getString("token");
        long own = add(buyer, mine, "card", token);
        assertEquals(1, buyer.get("/api/v1/customers/" + mine + "/payment-methods").jsonArray().size());

        assertEquals(404, buyer.get("/api/v1/customers/" + theirs + "/payment-methods").status());
        assertEquals(404, buyer.post("/api/v1/customers/" + theirs + "/payment-methods",
                "{\"paymentMethod\": {\"type\": \"card\", \"token\": \"" + token + "\"}}").status());
        long theirMethod = admin.get("/api/v1/customers/" + theirs + "/payment-methods").jsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(404, buyer.delete("/api/v1/customers/" + theirs + "/payment-methods/" + theirMethod).status());
        assertEquals(1, admin.get("/api/v1/customers/" + theirs + "/payment-methods").jsonArray().size(),
                "the other customer's method is untouched");

        assertEquals(204, buyer.delete("/api/v1/customers/" + mine + "/payment-methods/" + own).status());
        assertEquals(0, buyer.get("/api/v1/customers/" + mine + "/payment-methods").jsonArray().size());
    }

    private static long add(Api api, long customer, String type, String token) {
        Api.Reply reply = api.post("/api/v1/customers/" + customer + "/payment-methods",
                "{\"paymentMethod\": {\"type\": \"" + type + "\", \"token\": \"" + token + "\"}}", Fixtures.key());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getJsonNumber("id").longValue();
    }
}
