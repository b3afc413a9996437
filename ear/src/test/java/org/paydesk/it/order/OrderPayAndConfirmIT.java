package org.paydesk.it.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
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

/**
 * Order Entry's Pay &amp; Confirm end to end: an order's total is charged and the order confirmed with its invoice
 * paid, or, on a decline, nothing but a failed payment is recorded and the order stays open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderPayAndConfirmIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void pay_and_confirm_by_card_confirms_the_order_and_pays_its_new_invoice_in_full() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        String bolts = given.item("Hex bolts M10, box of 100", "12.50");
        String nuts = given.item("Nuts M10, box of 100", "3.75");
        JsonObject order = given.order(customer, bolts + ":3", nuts + ":2");
        assertEquals("45.00", order.getJsonObject("total").getString("amount"), "3 x 12.50 + 2 x 3.75");
        assertEquals("OPEN", order.getString("status"));
        assertEquals("STAFF", order.getString("source"));
        String body = card(given.cardToken("4242424242424242"));
        String key = Fixtures.key();

        Api.Reply reply = Api.as(deployment, "CASHIER").post(payPath(order), body, key);

        assertEquals(201, reply.status(), reply::toString);
        JsonObject paid = reply.json().getJsonObject("order");
        JsonObject payment = reply.json().getJsonObject("payment");
        assertEquals("CONFIRMED", paid.getString("status"));
        assertEquals("SUCCEEDED", payment.getString("status"));
        assertEquals("ORDER_ENTRY", payment.getString("channel"));
        assertEquals("45.00", payment.getJsonObject("amount").getString("amount"));
        assertEquals(payment.getInt("id"), paid.getInt("paymentId"));
        assertEquals("SUCCEEDED", paid.getString("paymentStatus"));
        long invoice = paid.getJsonNumber("receivableId").longValue();
        JsonObject invoiceNow = given.invoice(invoice);
        assertEquals("45.00", invoiceNow.getJsonObject("amount").getString("amount"), "the invoice is the order total");
        assertEquals("0.00", invoiceNow.getJsonObject("openBalance").getString("amount"));
        assertEquals("PAID", invoiceNow.getString("status"));
        assertEquals(customer, invoiceNow.getJsonNumber("customerId").longValue());
        JsonArray allocations = payment.getJsonArray("allocations");
        assertEquals(1, allocations.size(), payment::toString);
        assertEquals(invoice, allocations.getJsonObject(0).getJsonNumber("receivableId").longValue());
        assertEquals("0.00", given.credit(customer), "the customer's credit is unchanged");
        assertEveryCentAccountedFor(given, payment, customer, "0.00");
        assertEquals("CONFIRMED", given.orderOf(order.getInt("id")).getString("status"));
        assertEquals(1, given.charges(payment.getInt("id")).size());

        Api.Reply replay = Api.as(deployment, "CASHIER").post(payPath(order), body, key);
        assertEquals(201, replay.status(), replay::toString);
        assertEquals(reply.body(), replay.body(), "a retry replays the first answer byte for byte");
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(""));
        assertEquals(1, given.charges(payment.getInt("id")).size(), "and charges nothing more");
    }

    @Test
    void pay_and_confirm_by_ach_confirms_while_processing_and_settles_later() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        JsonObject order = given.order(customer, given.item("Wire rope 50 m", "80.00") + ":1");

        Api.Reply reply = Api.as(deployment, "SALES").post(payPath(order),
                ach(given.achToken("000123456789")), Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        JsonObject payment = reply.json().getJsonObject("payment");
        assertEquals("PROCESSING", payment.getString("status"));
        assertEquals("ach", payment.getJsonObject("paymentMethod").getString("type"));
        assertEquals("CONFIRMED", reply.json().getJsonObject("order").getString("status"));
        assertEquals("PROCESSING", reply.json().getJsonObject("order").getString("paymentStatus"));
        long invoice = reply.json().getJsonObject("order").getJsonNumber("receivableId").longValue();
        assertEquals("0.00", given.openBalance(invoice), "the money is reserved for the invoice while it settles");

        assertEquals("SUCCEEDED", given.awaitSettled(payment.getInt("id")));
        JsonObject settled = given.orderOf(order.getInt("id"));
        assertEquals("CONFIRMED", settled.getString("status"));
        assertEquals("SUCCEEDED", settled.getString("paymentStatus"));
        assertEquals("0.00", given.openBalance(invoice));
        assertEquals("PAID", given.invoice(invoice).getString("status"));
        assertEveryCentAccountedFor(given, given.payment(payment.getInt("id")), customer, "0.00");
    }

    @Test
    void a_failing_ach_debit_leaves_the_order_confirmed_and_reopens_its_invoice() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        JsonObject order = given.order(customer, given.item("Pallet of cement", "64.20") + ":2");

        Api.Reply reply = Api.as(deployment, "ACCOUNTS_RECEIVABLE").post(payPath(order),
                ach(given.achToken("000111111116")), Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        int payment = reply.json().getJsonObject("payment").getInt("id");
        long invoice = reply.json().getJsonObject("order").getJsonNumber("receivableId").longValue();
        assertEquals("FAILED", given.awaitSettled(payment));
        JsonObject after = given.orderOf(order.getInt("id"));
        assertEquals("CONFIRMED", after.getString("status"), "the goods were confirmed; A/R collects the invoice");
        assertEquals("FAILED", after.getString("paymentStatus"));
        assertEquals(invoice, after.getJsonNumber("receivableId").longValue());
        assertEquals("128.40", given.openBalance(invoice), "the invoice is open again for its whole amount");
        assertEquals("0.00", given.credit(customer));
    }

    @Test
    void a_decline_leaves_the_order_open_without_invoice_and_a_good_card_then_pays_it() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        long[] older = given.invoices(customer, "2026-01-31:100.00");
        JsonObject order = given.order(customer, given.item("Angle grinder", "99.99") + ":1");
        Api cashier = Api.as(deployment, "CASHIER");

        Api.Reply declined = cashier.post(payPath(order), card(given.cardToken("4000000000000002")), Fixtures.key());

        assertEquals(402, declined.status(), declined::toString);
        assertTrue(declined.contentType().startsWith("application/problem+json"), declined.contentType());
        JsonObject problem = declined.json();
        assertEquals("card_declined", problem.getString("code"));
        assertEquals("generic_decline", problem.getString("declineCode"));
        assertEquals("FAILED", problem.getJsonObject("payment").getString("status"));
        assertEquals("OPEN", problem.getJsonObject("order").getString("status"));
        assertTrue(absent(problem.getJsonObject("order"), "receivableId"), "no invoice for an unpaid order");
        JsonObject stillOpen = given.orderOf(order.getInt("id"));
        assertEquals("OPEN", stillOpen.getString("status"));
        assertEquals("FAILED", stillOpen.getString("paymentStatus"));
        assertEquals(1, given.openInvoiceCount(customer), "only the older invoice is open");
        assertEquals("100.00", given.openBalance(older[0]), "the older invoice is untouched");
        assertEquals("0.00", given.credit(customer));

        Api.Reply paid = cashier.post(payPath(order), card(given.cardToken("4242424242424242")), Fixtures.key());

        assertEquals(201, paid.status(), paid::toString);
        assertEquals("CONFIRMED", paid.json().getJsonObject("order").getString("status"));
        long invoice = paid.json().getJsonObject("order").getJsonNumber("receivableId").longValue();
        assertEquals("0.00", given.openBalance(invoice));
        assertEquals("100.00", given.openBalance(older[0]), "the order's money went to the order's invoice only");
        assertEveryCentAccountedFor(given, paid.json().getJsonObject("payment"), customer, "0.00");
    }

    @Test
    void an_order_is_paid_once_a_second_pay_and_confirm_is_refused_and_charges_nothing() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        JsonObject order = given.order(customer, given.item("Ladder 3 m", "150.00") + ":1");
        Api sales = Api.as(deployment, "SALES_MANAGER");
        Api.Reply first = sales.post(payPath(order), card(given.cardToken("4242424242424242")), Fixtures.key());
        assertEquals(201, first.status(), first::toString);
        int payment = first.json().getJsonObject("payment").getInt("id");

        Api.Reply second = sales.post(payPath(order), card(given.cardToken("5555555555554444")), Fixtures.key());

        assertEquals(409, second.status(), second::toString);
        assertTrue(second.contentType().startsWith("application/problem+json"));
        assertEquals("order_already_paid", second.json().getString("code"));
        assertTrue(absent(second.json(), "payment"), "no payment was made");
        JsonObject after = given.orderOf(order.getInt("id"));
        assertEquals(payment, after.getInt("paymentId"), "the order is still paid by the first payment");
        JsonArray charges = given.charges(payment);
        assertEquals(1, charges.size(), charges::toString);
        assertEquals("succeeded", charges.getJsonObject(0).getString("status"));
        assertEquals("0.00", given.credit(customer), "no second charge landed as credit");
    }

    @Test
    void a_customer_who_must_pay_cannot_be_confirmed_on_account_but_pay_and_confirm_works() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        JsonObject changed = given.preferences(customer, true, true, false);
        JsonObject preferences = changed.getJsonObject("preferences");
        assertTrue(preferences.getBoolean("requirePaymentOnConfirmation"));
        assertFalse(preferences.getBoolean("receiptsEnabled"));
        assertTrue(Api.as(deployment, "ADMIN").get("/api/v1/customers/" + customer).json()
                .getJsonObject("preferences").getBoolean("requirePaymentOnConfirmation"), "the change is kept");
        JsonObject order = given.order(customer, given.item("Drill bits set", "24.00") + ":2");

        Api.Reply refused = Api.as(deployment, "SALES").post(path(order, "confirm"), "", Fixtures.key());

        assertEquals(422, refused.status(), refused::toString);
        assertEquals("payment_required", refused.json().getString("code"));
        assertEquals("OPEN", given.orderOf(order.getInt("id")).getString("status"));
        assertEquals(0, given.openInvoiceCount(customer), "no invoice was created");

        Api.Reply paid = Api.as(deployment, "SALES").post(payPath(order), card(given.cardToken("4242424242424242")),
                Fixtures.key());
        assertEquals(201, paid.status(), paid::toString);
        assertEquals("CONFIRMED", paid.json().getJsonObject("order").getString("status"));
        assertEveryCentAccountedFor(given, paid.json().getJsonObject("payment"), customer, "0.00");
    }

    @Test
    void an_order_confirmed_on_account_has_an_open_invoice_and_can_no_longer_be_paid_and_confirmed() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        JsonObject order = given.order(customer, given.item("Safety gloves", "4.10") + ":10");

        Api.Reply confirmed = Api.as(deployment, "CREDIT_MANAGER").post(path(order, "confirm"), "", null);

        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("CONFIRMED", confirmed.json().getString("status"));
        long invoice = confirmed.json().getJsonNumber("receivableId").longValue();
        assertEquals("41.00", given.openBalance(invoice), "A/R collects the whole invoice later");
        Api.Reply pay = Api.as(deployment, "CASHIER").post(payPath(order), card(given.cardToken("4242424242424242")),
                Fixtures.key());
        assertTrue(pay.status() == 409 || pay.status() == 422, pay::toString);
        assertEquals("41.00", given.openBalance(invoice), "nothing was charged");
    }

    @Test
    void a_cancelled_order_is_refused_by_pay_and_confirm_and_by_confirm() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        JsonObject order = given.order(customer, given.item("Tarpaulin", "19.00") + ":1");

        Api.Reply cancelled = Api.as(deployment, "SALES").post(path(order, "cancel"), "", null);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));

        Api.Reply pay = Api.as(deployment, "CASHIER").post(payPath(order), card(given.cardToken("4242424242424242")),
                Fixtures.key());
        assertEquals(422, pay.status(), pay::toString);
        assertTrue(pay.contentType().startsWith("application/problem+json"));
        assertEquals("order_cancelled", pay.json().getString("code"));
        Api.Reply confirm = Api.as(deployment, "SALES").post(path(order, "confirm"), "", null);
        assertEquals(422, confirm.status(), confirm::toString);
        assertEquals("order_cancelled", confirm.json().getString("code"));
        JsonObject after = given.orderOf(order.getInt("id"));
        assertEquals("CANCELLED", after.getString("status"));
        assertTrue(absent(after, "paymentId"), "no payment was taken: " + after);
        assertEquals(0, given.openInvoiceCount(customer));
        assertEquals("0.00", given.credit(customer));
    }

    @Test
    void pay_and_confirm_needs_an_idempotency_key_and_a_valid_method() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        JsonObject order = given.order(customer, given.item("Hinges", "2.00") + ":4");
        Api cashier = Api.as(deployment, "CASHIER");
        String token = given.cardToken("4242424242424242");

        Api.Reply noKey = cashier.post(payPath(order), card(token), null);
        assertEquals(400, noKey.status(), noKey::toString);
        assertEquals("idempotency_key_required", noKey.json().getString("code"));
        assertEquals("Idempotency-Key", noKey.problemField());

        Api.Reply unknownType = cashier.post(payPath(order),
                "{\"paymentMethod\": {\"type\": \"BITCOIN\", \"token\": \"" + token + "\"}}", Fixtures.key());
        assertEquals(400, unknownType.status(), unknownType::toString);
        assertEquals("invalid_payment_method_type", unknownType.json().getString("code"));
        assertEquals("paymentMethod.type", unknownType.problemField());

        Api.Reply malformed = cashier.post(payPath(order), "{\"paymentMethod\": ", Fixtures.key());
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals("malformed_json", malformed.json().getString("code"));

        Api.Reply nothing = cashier.post(payPath(order), "{}", Fixtures.key());
        assertEquals(400, nothing.status(), nothing::toString);
        assertEquals("required", nothing.json().getString("code"));

        Api.Reply unknownOrder = cashier.post("/api/v1/orders/987654321/pay-and-confirm", card(token),
                Fixtures.key());
        assertEquals(404, unknownOrder.status(), unknownOrder::toString);
        assertTrue(unknownOrder.contentType().startsWith("application/problem+json"));

        JsonObject after = given.orderOf(order.getInt("id"));
        assertEquals("OPEN", after.getString("status"));
        assertTrue(absent(after, "paymentId"), "nothing was charged: " + after);
    }

    @Test
    void placing_an_order_refuses_bad_lines_and_creates_nothing() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        String sku = given.item("Cable ties", "1.00");
        Api sales = Api.as(deployment, "SALES");

        for (String quantity : new String[] {"0", "-1"}) {
            Api.Reply reply = sales.post("/api/v1/orders", """
                    {"customerId": %d, "lines": [{"sku": "%s", "quantity": %s}]}
                    """.formatted(customer, sku, quantity));
            assertEquals(422, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertEquals("invalid_quantity", reply.json().getString("code"));
            assertEquals("lines[0].quantity", reply.problemField());
        }
        Api.Reply wrongType = sales.post("/api/v1/orders", """
                {"customerId": %d, "lines": [{"sku": "%s", "quantity": "many"}]}
                """.formatted(customer, sku));
        assertEquals(400, wrongType.status(), wrongType::toString);
        assertEquals("malformed_json", wrongType.json().getString("code"));
        Api.Reply fraction = sales.post("/api/v1/orders", """
                {"customerId": %d, "lines": [{"sku": "%s", "quantity": 1.5}]}
                """.formatted(customer, sku));
        assertEquals(400, fraction.status(), fraction::toString);
        assertEquals("malformed_json", fraction.json().getString("code"), "a fraction is refused, not truncated");
        Api.Reply noLines = sales.post("/api/v1/orders", "{\"customerId\": " + customer + ", \"lines\": []}");
        assertEquals(422, noLines.status(), noLines::toString);
        assertEquals("order_empty", noLines.json().getString("code"));
        Api.Reply unknownItem = sales.post("/api/v1/orders", """
                {"customerId": %d, "lines": [{"sku": "NO-SUCH-ITEM-1", "quantity": 1}]}
                """.formatted(customer));
        assertTrue(unknownItem.status() == 422 || unknownItem.status() == 404, unknownItem::toString);
        assertTrue(unknownItem.contentType().startsWith("application/problem+json"));

        JsonObject orders = sales.get("/api/v1/orders?customerId=" + customer).json();
        assertEquals(0, orders.getJsonNumber("total").longValue(), "no order was created: " + orders);
        assertEquals(404, sales.get("/api/v1/orders/987654321").status());
    }

    @Test
    void preferences_and_catalogue_items_refuse_incomplete_or_wrong_input_and_keep_what_they_had() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        Api credit = Api.as(deployment, "CREDIT_MANAGER");
        String before = Api.as(deployment, "ADMIN").get("/api/v1/customers/" + customer).body();

        Api.Reply partial = credit.put("/api/v1/customers/" + customer + "/preferences",
                "{\"requirePaymentOnConfirmation\": true}");
        assertEquals(400, partial.status(), partial::toString);
        assertEquals("invalid_request", partial.json().getString("code"), "two fields are missing");
        assertEquals(2, partial.json().getJsonArray("errors").size());
        Api.Reply notABoolean = credit.put("/api/v1/customers/" + customer + "/preferences", """
                {"requirePaymentOnConfirmation": "sometimes", "paymentLinksEnabled": true, "receiptsEnabled": true}
                """);
        assertEquals(400, notABoolean.status(), notABoolean::toString);
        assertEquals(404, credit.put("/api/v1/customers/987654321/preferences", """
                {"requirePaymentOnConfirmation": true, "paymentLinksEnabled": true, "receiptsEnabled": true}
                """).status());
        assertEquals(before, Api.as(deployment, "ADMIN").get("/api/v1/customers/" + customer).body());

        String sku = given.item("Spirit level", "14.00");
        Api manager = Api.as(deployment, "SALES_MANAGER");
        Api.Reply tooPrecise = manager.put("/api/v1/items/" + sku,
                "{\"description\": \"Spirit level\", \"unitPrice\": \"14.005\", \"currency\": \"USD\"}");
        assertEquals(400, tooPrecise.status(), tooPrecise::toString);
        assertEquals("too_many_fraction_digits", tooPrecise.json().getString("code"));
        assertEquals("unitPrice", tooPrecise.problemField());
        Api.Reply free = manager.put("/api/v1/items/" + sku,
                "{\"description\": \"Spirit level\", \"unitPrice\": \"0.00\", \"currency\": \"USD\"}");
        assertEquals(400, free.status(), free::toString);
        assertEquals("invalid_amount", free.json().getString("code"));
        Api.Reply badSku = manager.put("/api/v1/items/bad%20sku!",
                "{\"description\": \"x\", \"unitPrice\": \"1.00\", \"currency\": \"USD\"}");
        assertTrue(badSku.status() == 400 || badSku.status() == 422, badSku::toString);
        JsonObject item = Api.as(deployment, "BUYER").get("/api/v1/items/" + sku).json();
        assertEquals("14.00", item.getString("unitPrice"), "the refused revisions changed nothing");
        assertEquals("USD", item.getString("currency"));
        assertTrue(item.getBoolean("active"));

        Api.Reply revised = manager.put("/api/v1/items/" + sku,
                "{\"description\": \"Spirit level 60 cm\", \"unitPrice\": \"15.50\", \"currency\": \"USD\","
                        + " \"active\": false}");
        assertEquals(200, revised.status(), revised::toString);
        assertEquals("15.50", revised.json().getString("unitPrice"));
        assertFalse(revised.json().getBoolean("active"));
        assertEquals(revised.body(), Api.as(deployment, "CASHIER").get("/api/v1/items/" + sku).body());
        assertEquals(404, Api.as(deployment, "CASHIER").get("/api/v1/items/NO-SUCH-ITEM-3").status());
    }

    @Test
    void an_integration_places_an_order_at_its_own_price_and_the_order_summary_finds_it() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        String sku = given.item("Copper pipe 3 m", "30.00");
        String number = Fixtures.unique("SO");

        Api.Reply placed = Api.as(deployment, "INTEGRATION").post("/api/v1/orders", """
                {"customerId": %d, "number": "%s",
                 "lines": [{"sku": "%s", "description": "Copper pipe (contract)", "quantity": 4,
                            "unitPrice": {"amount": "27.50", "currency": "USD"}}]}
                """.formatted(customer, number, sku), Fixtures.key());

        assertEquals(201, placed.status(), placed::toString);
        JsonObject order = placed.json();
        assertEquals("INTEGRATION", order.getString("source"));
        assertEquals(number, order.getString("number"));
        assertEquals("110.00", order.getJsonObject("total").getString("amount"));
        JsonObject line = order.getJsonArray("lines").getJsonObject(0);
        assertEquals("27.50", line.getJsonObject("unitPrice").getString("amount"));
        assertEquals("110.00", line.getJsonObject("lineTotal").getString("amount"));
        assertTrue(placed.header("Location").orElseThrow().endsWith("/api/v1/orders/" + order.getInt("id")));

        Api cashier = Api.as(deployment, "CASHIER");
        JsonObject byNumber = cashier.get("/api/v1/orders?number=" + number).json();
        assertEquals(1, byNumber.getJsonNumber("total").longValue(), byNumber::toString);
        assertEquals(order.getInt("id"), byNumber.getJsonArray("items").getJsonObject(0).getInt("id"));
        String today = order.getString("createdAt").substring(0, 10);
        JsonObject open = cashier.get("/api/v1/orders?customerId=" + customer + "&status=OPEN&from=" + today
                + "&to=" + today).json();
        assertEquals(1, open.getJsonNumber("total").longValue(), open::toString);
        JsonObject confirmed = cashier.get("/api/v1/orders?customerId=" + customer + "&status=CONFIRMED").json();
        assertEquals(0, confirmed.getJsonNumber("total").longValue());
        Api.Reply badDate = cashier.get("/api/v1/orders?from=yesterday");
        assertEquals(400, badDate.status(), badDate::toString);
        assertEquals("invalid_date", badDate.json().getString("code"));
        Api.Reply badStatus = cashier.get("/api/v1/orders?status=SHIPPED");
        assertEquals(400, badStatus.status(), badStatus::toString);
        assertEquals("status", badStatus.problemField());
    }

    @Test
    void a_buyer_pays_their_own_order_online_and_never_reaches_anyone_elses() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        long stranger = given.customer();
        String sku = given.item("Work boots", "60.00");
        JsonObject mine = given.order(buyer.customerId(), sku + ":1");
        JsonObject theirs = given.order(stranger, sku + ":2");
        String token = buyer.api().post("/api/v1/sandbox/payment-methods", """
                {"type": "card", "card": {"number": "4242424242424242", "expMonth": 11, "expYear": 2033, "cvc": "321"}}
                """).json().getString("token");

        assertEquals(404, buyer.api().get("/api/v1/orders/" + theirs.getInt("id")).status());
        Api.Reply payTheirs = buyer.api().post(payPath(theirs), card(token), Fixtures.key());
        assertEquals(404, payTheirs.status(), payTheirs::toString);
        assertTrue(absent(given.orderOf(theirs.getInt("id")), "paymentId"), "the other order was not charged");
        JsonObject search = buyer.api().get("/api/v1/orders").json();
        assertEquals(1, search.getJsonNumber("total").longValue(), search::toString);
        assertEquals(mine.getInt("id"), search.getJsonArray("items").getJsonObject(0).getInt("id"));
        JsonObject searchTheirs = buyer.api().get("/api/v1/orders?customerId=" + stranger).json();
        assertEquals(0, searchTheirs.getJsonNumber("total").longValue(), searchTheirs::toString);

        Api.Reply paid = buyer.api().post(payPath(mine), card(token), Fixtures.key());

        assertEquals(201, paid.status(), paid::toString);
        assertEquals("ECOMMERCE", paid.json().getJsonObject("payment").getString("channel"));
        assertEquals("CONFIRMED", buyer.api().get("/api/v1/orders/" + mine.getInt("id")).json().getString("status"));
        assertEveryCentAccountedFor(given, paid.json().getJsonObject("payment"), buyer.customerId(), "0.00");
    }

    /** Every cent of a payment that went through is on an invoice or in the customer's credit. */
    static void assertEveryCentAccountedFor(Fixtures given, JsonObject payment, long customer,
            String creditBefore) {
        BigDecimal amount = new BigDecimal(payment.getJsonObject("amount").getString("amount"));
        BigDecimal applied = BigDecimal.ZERO;
        for (JsonValue value : payment.getJsonArray("allocations")) {
            applied = applied.add(new BigDecimal(value.asJsonObject().getJsonObject("amount").getString("amount")));
        }
        BigDecimal unapplied = new BigDecimal(payment.getJsonObject("unapplied").getString("amount"));
        BigDecimal creditGained = new BigDecimal(given.credit(customer)).subtract(new BigDecimal(creditBefore));
        assertEquals(0, amount.compareTo(applied.add(unapplied)), "applied + unapplied = amount: " + payment);
        assertEquals(0, unapplied.compareTo(creditGained), "what was not applied is credit: " + payment);
        assertNotNull(payment.getJsonArray("allocations"));
    }

    /** Yasson leaves out what is null. */
    static boolean absent(JsonObject json, String name) {
        return !json.containsKey(name) || json.isNull(name);
    }

    static String payPath(JsonObject order) {
        return path(order, "pay-and-confirm");
    }

    static String path(JsonObject order, String action) {
        return "/api/v1/orders/" + order.getInt("id") + "/" + action;
    }

    static String card(String token) {
        return "{\"paymentMethod\": {\"type\": \"CARD\", \"token\": \"" + token + "\"}}";
    }

    static String ach(String token) {
        return "{\"paymentMethod\": {\"type\": \"ACH\", \"token\": \"" + token + "\"}}";
    }
}
