package org.paydesk.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

/**
 * Who may call what, per the product's documentation: every endpoint against every role, and without credentials.
 * Allowed means the call reached the endpoint (any answer but 401/403); refused means 403 problem+json.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleMatrixIT {

    private static final Set<String> STAFF = Set.copyOf(TestUsers.STAFF_ROLES);
    private static final Set<String> HISTORY = Set.of("ADMIN", "ACCOUNTS_RECEIVABLE", "CASHIER");
    private static final Set<String> EVERYONE = Set.copyOf(TestUsers.ALL_ROLES);
    private static final Set<String> ORDER_ENTRY = Set.of("ADMIN", "SALES", "SALES_MANAGER", "SALES_ALLOCATIONS",
            "INTEGRATION");
    private static final Set<String> ORDER_READERS = Set.of("ADMIN", "SALES", "SALES_MANAGER", "SALES_ALLOCATIONS",
            "CASHIER", "ACCOUNTS_RECEIVABLE", "CREDIT_MANAGER", "INTEGRATION", "BUYER");
    private static final Set<String> ORDER_PAYERS = Set.of("ADMIN", "CASHIER", "SALES", "SALES_MANAGER",
            "ACCOUNTS_RECEIVABLE", "BUYER");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    /** Who may email payment links: Admin, Cashier and the three sales roles. */
    private static final Set<String> LINKS = Set.of("ADMIN", "CASHIER", "SALES", "SALES_ALLOCATIONS",
            "SALES_MANAGER");

    record Endpoint(String method, String path, Set<String> allowed) {
    }

    private static Set<String> plus(Set<String> roles, String... more) {
        var all = new java.util.HashSet<>(roles);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    @Test
    void each_endpoint_is_allowed_and_refused_for_exactly_the_right_roles() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long invoice = given.invoices(customer, "2026-01-31:100.00")[0];
        long payment = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "1.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}}
                """.formatted(customer, given.cardToken("4242424242424242")), Fixtures.key()).json()
                .getJsonNumber("id").longValue();
        String sku = given.item("Role matrix item", "1.00");
        long order = given.order(customer, sku + ":1").getJsonNumber("id").longValue();

        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/api/v1/customers",
                        Set.of("ADMIN", "ACCOUNTS_RECEIVABLE", "CREDIT_MANAGER", "INTEGRATION")),
                new Endpoint("GET", "/api/v1/customers", plus(STAFF, "INTEGRATION")),
                new Endpoint("GET", "/api/v1/customers/" + customer, plus(STAFF, "INTEGRATION")),
                new Endpoint("POST", "/api/v1/receivables", Set.of("ADMIN", "INTEGRATION")),
                new Endpoint("GET", "/api/v1/receivables?customerId=" + customer, plus(STAFF, "INTEGRATION")),
                new Endpoint("GET", "/api/v1/receivables/" + invoice, plus(STAFF, "INTEGRATION")),
                new Endpoint("POST", "/api/v1/payments", STAFF),
                new Endpoint("POST", "/api/v1/payments/preview", STAFF),
                new Endpoint("GET", "/api/v1/payments/" + payment, HISTORY),
                new Endpoint("GET", "/api/v1/payments/" + payment + "/processor-charges", HISTORY),
                // An unknown payment: the role check comes first, and nothing is refunded.
                new Endpoint("POST", "/api/v1/payments/987654321/refunds", HISTORY),
                new Endpoint("GET", "/api/v1/payments/" + payment + "/refunds", HISTORY),
                new Endpoint("GET", "/api/v1/payments/unresolved", HISTORY),
                new Endpoint("GET", "/api/v1/payments?customerId=" + customer, HISTORY),
                // Unknown invoice, customer and link: the role check comes first, and nothing is sent.
                new Endpoint("POST", "/api/v1/receivables/987654321/payment-links", LINKS),
                new Endpoint("POST", "/api/v1/customers/987654321/statement-links", LINKS),
                new Endpoint("GET", "/api/v1/payment-links/987654321", LINKS),
                new Endpoint("POST", "/api/v1/orders/987654321/payment-links", LINKS),
                new Endpoint("POST", "/api/v1/receivables/987654321/emails", LINKS),
                new Endpoint("POST", "/api/v1/sandbox/payment-methods", plus(STAFF, "BUYER")),
                new Endpoint("GET", "/api/v1/customers/" + customer + "/payment-methods", plus(STAFF, "BUYER")),
                new Endpoint("POST", "/api/v1/customers/" + customer + "/payment-methods", plus(STAFF, "BUYER")),
                new Endpoint("POST", "/api/v1/customers/" + customer + "/payment-methods/987654321/default",
                        plus(STAFF, "BUYER")),
                new Endpoint("DELETE", "/api/v1/customers/" + customer + "/payment-methods/987654321",
                        plus(STAFF, "BUYER")),
                new Endpoint("POST", "/api/v1/customers/" + customer + "/payment-method-requests", STAFF),
                new Endpoint("GET", "/api/v1/customers/" + customer + "/payment-method-requests", STAFF),
                new Endpoint("POST", "/api/v1/customers/" + customer + "/payment-method-requests/987654321/revoke",
                        STAFF),
                new Endpoint("POST", "/api/v1/customers/" + customer + "/buyers", Set.of("ADMIN", "INTEGRATION")),
                new Endpoint("GET", "/api/v1/buyer/customer", Set.of("BUYER")),
                new Endpoint("POST", "/api/v1/testing/clock/advance", Set.of("ADMIN")),
                new Endpoint("PUT", "/api/v1/customers/" + customer + "/preferences",
                        Set.of("ADMIN", "CREDIT_MANAGER", "ACCOUNTS_RECEIVABLE")),
                new Endpoint("PUT", "/api/v1/items/" + sku, Set.of("ADMIN", "SALES_MANAGER", "INTEGRATION")),
                new Endpoint("GET", "/api/v1/items", EVERYONE),
                new Endpoint("GET", "/api/v1/items/" + sku, EVERYONE),
                new Endpoint("POST", "/api/v1/orders", ORDER_ENTRY),
                new Endpoint("GET", "/api/v1/orders", ORDER_READERS),
                new Endpoint("GET", "/api/v1/orders/" + order, ORDER_READERS),
                // Unknown orders below: the role check comes first, and nothing is confirmed, cancelled or paid.
                new Endpoint("POST", "/api/v1/orders/987654321/pay-and-confirm", ORDER_PAYERS),
                new Endpoint("POST", "/api/v1/orders/987654321/confirm",
                        Set.of("ADMIN", "SALES", "SALES_MANAGER", "CREDIT_MANAGER")),
                new Endpoint("POST", "/api/v1/orders/987654321/cancel", Set.of("ADMIN", "SALES", "SALES_MANAGER")),
                new Endpoint("POST", "/api/v1/carts", Set.of("BUYER")),
                new Endpoint("GET", "/api/v1/carts/987654321", Set.of("BUYER")),
                new Endpoint("PUT", "/api/v1/carts/987654321/lines/" + sku, Set.of("BUYER")),
                new Endpoint("DELETE", "/api/v1/carts/987654321/lines/" + sku, Set.of("BUYER")),
                new Endpoint("GET", "/api/v1/carts/987654321/payment-options", Set.of("BUYER")),
                new Endpoint("POST", "/api/v1/carts/987654321/checkout", Set.of("BUYER")),
                new Endpoint("GET", "/api/v1/settings/checkout", STAFF),
                // An empty object is refused as invalid, so the matrix never changes the wallets offered.
                new Endpoint("PUT", "/api/v1/settings/checkout", Set.of("ADMIN")));

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String role : TestUsers.ALL_ROLES) {
                Api.Reply reply = call(Api.as(deployment, role), endpoint);
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed && (reply.status() == 401 || reply.status() == 403)) {
                    wrong.add(role + " was refused " + endpoint.method() + " " + endpoint.path() + ": " + reply);
                }
                if (!allowed && reply.status() != 403) {
                    wrong.add(role + " was let through " + endpoint.method() + " " + endpoint.path() + ": " + reply);
                }
                if (!allowed && reply.status() == 403) {
                    assertEquals("forbidden", reply.json().getString("code"));
                }
            }
            Api.Reply anonymous = call(Api.anonymous(deployment), endpoint);
            if (anonymous.status() != 401) {
                wrong.add("no credentials got " + anonymous.status() + " for " + endpoint.path());
            }
            assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Basic"), endpoint.path());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void a_wrong_password_is_refused() {
        Api.Reply reply = Api.withCredentials(deployment, TestUsers.user("ADMIN"), "not-the-password")
                .get("/api/v1/customers");
        assertEquals(401, reply.status());
    }

    private static Api.Reply call(Api api, Endpoint endpoint) {
        // An empty object is enough to pass the role check; the endpoint then refuses it as invalid (400/422).
        return switch (endpoint.method()) {
            case "GET" -> api.get(endpoint.path());
            case "DELETE" -> api.delete(endpoint.path());
            case "PUT" -> api.put(endpoint.path(), "{}");
            default -> api.post(endpoint.path(), "{}");
        };
    }
}
