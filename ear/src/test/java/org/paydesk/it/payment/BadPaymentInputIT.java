package org.paydesk.it.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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

/** Bad input gets a 4xx problem+json with a stable code and the field at fault, and changes nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadPaymentInputIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    record Case(String name, String body, int status, String code, String field) {
    }

    @Test
    void every_kind_of_bad_payment_is_refused_with_its_field_and_nothing_changes() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long invoice = given.invoices(customer, "2026-01-31:100.00")[0];
        long othersInvoice = given.invoices(given.customer(), "2026-01-31:100.00")[0];
        String token = given.cardToken("4242424242424242");
        String method = "\"paymentMethod\": {\"type\": \"card\", \"token\": \"" + token + "\"}";

        List<Case> cases = List.of(
                new Case("negative amount", """
                        {"customerId": %d, "amount": {"amount": "-5.00", "currency": "USD"}, %s}
                        """.formatted(customer, method), 400, "invalid_amount", "amount.amount"),
                new Case("zero amount", """
                        {"customerId": %d, "amount": {"amount": "0.00", "currency": "USD"}, %s}
                        """.formatted(customer, method), 400, "invalid_amount", "amount.amount"),
                new Case("too many fraction digits", """
                        {"customerId": %d, "amount": {"amount": "10.001", "currency": "USD"}, %s}
                        """.formatted(customer, method), 400, "too_many_fraction_digits", "amount.amount"),
                new Case("unknown currency", """
                        {"customerId": %d, "amount": {"amount": "10.00", "currency": "XYZ"}, %s}
                        """.formatted(customer, method), 400, "invalid_currency", "amount.currency"),
                new Case("currency other than the customer's", """
                        {"customerId": %d, "amount": {"amount": "10.00", "currency": "EUR"}, %s}
                        """.formatted(customer, method), 422, "currency_mismatch", "amount.currency"),
                new Case("unknown customer", """
                        {"customerId": 987654321, "amount": {"amount": "10.00", "currency": "USD"}, %s}
                        """.formatted(method), 422, "customer_not_found", "customerId"),
                new Case("allocation above the invoice's balance", """
                        {"customerId": %d, "amount": {"amount": "150.00", "currency": "USD"}, %s,
                         "allocations": [{"receivableId": %d, "amount": {"amount": "100.01", "currency": "USD"}}]}
                        """.formatted(customer, method, invoice), 422, "allocation_exceeds_balance",
                        "allocations[0].amount"),
                new Case("allocation to another customer's invoice", """
                        {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"}, %s,
                         "allocations": [{"receivableId": %d, "amount": {"amount": "10.00", "currency": "USD"}}]}
                        """.formatted(customer, method, othersInvoice), 422, "receivable_of_another_customer",
                        "allocations[0].receivableId"),
                new Case("allocations above the payment", """
                        {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"}, %s,
                         "allocations": [{"receivableId": %d, "amount": {"amount": "20.00", "currency": "USD"}}]}
                        """.formatted(customer, method, invoice), 422, "allocations_exceed_payment",
                        "allocations[0].amount"),
                new Case("a card number instead of a token", """
                        {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"},
                         "paymentMethod": {"type": "card", "token": "4242424242424242"}}
                        """.formatted(customer), 400, "invalid_payment_method_token", "paymentMethod.token"),
                new Case("no payment method", """
                        {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"}}
                        """.formatted(customer), 400, "required", "paymentMethod"),
                new Case("malformed JSON", "{\"customerId\": " + customer + ", \"amount\": {", 400, "malformed_json",
                        "body"));

        for (Case bad : cases) {
            Api.Reply reply = Api.as(deployment, "CASHIER").post("/api/v1/payments", bad.body(), Fixtures.key());

            assertEquals(bad.status(), reply.status(), () -> bad.name() + ": " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), bad.name());
            assertEquals(bad.code(), reply.json().getString("code"), bad.name());
            assertEquals(bad.field(), reply.problemField(), bad.name());
            assertEquals(bad.status(), reply.json().getInt("status"), bad.name());
            assertEquals("100.00", given.openBalance(invoice), bad.name() + " changed the invoice");
            assertEquals("0.00", given.credit(customer), bad.name() + " changed the credit");
        }
    }

    @Test
    void a_refused_request_releases_its_idempotency_key_for_a_corrected_retry() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long invoice = given.invoices(customer, "2026-01-31:100.00")[0];
        String token = given.cardToken("4242424242424242");
        String key = Fixtures.key();
        Api cashier = Api.as(deployment, "CASHIER");

        Api.Reply wrong = cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "10.001", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, token), key);
        Api.Reply corrected = cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "10.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, token), key);

        assertEquals(400, wrong.status());
        assertEquals(201, corrected.status(), corrected::toString);
        assertEquals("90.00", given.openBalance(invoice));
    }

    @Test
    void a_request_refused_by_a_business_rule_rolls_its_key_back_for_a_corrected_retry() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long invoice = given.invoices(customer, "2026-01-31:100.00")[0];
        String token = given.cardToken("4242424242424242");
        String key = Fixtures.key();
        Api cashier = Api.as(deployment, "CASHIER");

        Api.Reply overApplied = cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "150.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"},
                 "allocations": [{"receivableId": %d, "amount": {"amount": "120.00", "currency": "USD"}}]}
                """.formatted(customer, token, invoice), key);
        Api.Reply corrected = cashier.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "150.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"},
                 "allocations": [{"receivableId": %d, "amount": {"amount": "100.00", "currency": "USD"}}]}
                """.formatted(customer, token, invoice), key);

        assertEquals(422, overApplied.status(), overApplied::toString);
        assertEquals(201, corrected.status(), "the refused request kept no claim on the key: " + corrected);
        assertEquals("0.00", given.openBalance(invoice));
        assertEquals("50.00", given.credit(customer));
    }

    @Test
    void bad_invoice_imports_name_each_line_at_fault_and_import_nothing() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        Api erp = Api.as(deployment, "INTEGRATION");

        Api.Reply reply = erp.post("/api/v1/receivables", """
                {"customerId": %d, "receivables": [
                  {"number": "%s", "issueDate": "2026-01-01", "dueDate": "2026-01-31",
                   "amount": {"amount": "100.00", "currency": "USD"}},
                  {"number": "%s", "issueDate": "2026-01-01", "dueDate": "31/01/2026",
                   "amount": {"amount": "12.345", "currency": "USD"}}]}
                """.formatted(customer, Fixtures.unique("INV"), Fixtures.unique("INV")));

        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_request", reply.json().getString("code"));
        var fields = reply.json().getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertEquals(List.of("receivables[1].dueDate", "receivables[1].amount.amount"), fields);
        assertEquals(0, Api.as(deployment, "ADMIN").get("/api/v1/receivables?customerId=" + customer).json()
                .getInt("total"), "nothing was imported");
    }
}
