package org.paydesk.it.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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

/**
 * E-commerce Pay &amp; Checkout end to end: carts priced from the catalogue, checkout by card, ACH, a saved method and
 * the wallets, charged at most once however it is clicked, and only ever the buyer's own cart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartCheckoutIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void a_cart_is_priced_from_the_catalogue_whatever_price_or_total_the_client_sends() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        String gloves = given.item("Work gloves", "7.25");
        String helmet = given.item("Safety helmet", "31.40");
        long cart = openCart(buyer);

        Api.Reply first = buyer.api().put(line(cart, gloves),
                "{\"quantity\": 4, \"unitPrice\": \"0.01\", \"total\": {\"amount\": \"0.04\", \"currency\": \"USD\"}}");
        Api.Reply second = buyer.api().put(line(cart, helmet), "{\"quantity\": 1, \"lineTotal\": \"1.00\"}");

        assertEquals(200, first.status(), first::toString);
        assertEquals(200, second.status(), second::toString);
        JsonObject priced = second.json();
        assertEquals("60.40", priced.getJsonObject("total").getString("amount"), "4 x 7.25 + 31.40");
        assertEquals("USD", priced.getString("currency"));
        assertEquals("OPEN", priced.getString("status"));
        JsonObject glovesLine = lineOf(priced, gloves);
        assertEquals("7.25", glovesLine.getJsonObject("unitPrice").getString("amount"));
        assertEquals("29.00", glovesLine.getJsonObject("lineTotal").getString("amount"));
        assertEquals("Work gloves", glovesLine.getString("description"));

        Api.Reply changed = buyer.api().put(line(cart, gloves), "{\"quantity\": 2}");
        assertEquals("45.90", changed.json().getJsonObject("total").getString("amount"));
        Api.Reply removed = buyer.api().delete(line(cart, helmet));
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("14.50", removed.json().getJsonObject("total").getString("amount"));
        assertEquals(1, removed.json().getJsonArray("lines").size());
        assertEquals(removed.body(), buyer.api().get("/api/v1/carts/" + cart).body(), "what GET shows");
    }

    @Test
    void checkout_by_card_turns_the_cart_into_a_confirmed_order_with_a_paid_invoice() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        long cart = cartWith(given, buyer, "45.50", 2);
        String key = Fixtures.key();
        String body = pay("CARD", token(buyer, "4242424242424242"));

        Api.Reply reply = buyer.api().post(checkout(cart), body, key);

        assertEquals(201, reply.status(), reply::toString);
        JsonObject order = reply.json().getJsonObject("order");
        JsonObject payment = reply.json().getJsonObject("payment");
        assertEquals("CONFIRMED", order.getString("status"));
        assertEquals("ECOMMERCE", order.getString("source"));
        assertEquals(buyer.customerId(), order.getJsonNumber("customerId").longValue());
        assertEquals("91.00", order.getJsonObject("total").getString("amount"));
        assertEquals("SUCCEEDED", payment.getString("status"));
        assertEquals("ECOMMERCE", payment.getString("channel"));
        assertEquals("91.00", payment.getJsonObject("amount").getString("amount"));
        JsonObject checkedOut = buyer.api().get("/api/v1/carts/" + cart).json();
        assertEquals("CHECKED_OUT", checkedOut.getString("status"));
        assertEquals(order.getInt("id"), checkedOut.getInt("orderId"));
        long invoice = order.getJsonNumber("receivableId").longValue();
        assertEquals("0.00", given.openBalance(invoice));
        assertEquals("PAID", given.invoice(invoice).getString("status"));
        assertEveryCentAccountedFor(given, payment, buyer.customerId());
        assertEquals(1, given.charges(payment.getInt("id")).size());
        assertEquals(order.getInt("id"), buyer.api().get("/api/v1/orders/" + order.getInt("id")).json().getInt("id"));

        Api.Reply replay = buyer.api().post(checkout(cart), body, key);
        assertEquals(201, replay.status());
        assertEquals(reply.body(), replay.body(), "a retry replays byte for byte");
        Api.Reply again = buyer.api().post(checkout(cart), body, Fixtures.key());
        assertEquals(409, again.status(), again::toString);
        assertEquals("order_already_paid", again.json().getString("code"));
        assertEquals(1, given.charges(payment.getInt("id")).size(), "charged once");
        Api.Reply frozen = buyer.api().put(line(cart, checkedOut.getJsonArray("lines").getJsonObject(0)
                .getString("sku")), "{\"quantity\": 9}");
        assertEquals(422, frozen.status(), frozen::toString);
        assertEquals("cart_checked_out", frozen.json().getString("code"));
    }

    @Test
    void checkout_by_ach_confirms_the_order_while_the_debit_settles() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        long cart = cartWith(given, buyer, "120.00", 1);
        String token = buyer.api().post("/api/v1/sandbox/payment-methods", """
                {"type": "ach", "bankAccount": {"routingNumber": "110000000", "accountNumber": "000123456789",
                 "holderName": "Acme"}}
                """).json().getString("token");

        Api.Reply reply = buyer.api().post(checkout(cart), pay("ACH", token), Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        JsonObject payment = reply.json().getJsonObject("payment");
        assertEquals("PROCESSING", payment.getString("status"));
        assertEquals("CONFIRMED", reply.json().getJsonObject("order").getString("status"));
        assertEquals("SUCCEEDED", given.awaitSettled(payment.getInt("id")));
        long invoice = reply.json().getJsonObject("order").getJsonNumber("receivableId").longValue();
        assertEquals("0.00", given.openBalance(invoice));
        assertEveryCentAccountedFor(given, given.payment(payment.getInt("id")), buyer.customerId());
    }

    @Test
    void checkout_with_a_saved_method_charges_it_without_entering_it_again() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        String token = token(buyer, "5555555555554444");
        Api.Reply saved = buyer.api().post("/api/v1/customers/" + buyer.customerId() + "/payment-methods",
                "{\"paymentMethod\": {\"type\": \"card\", \"token\": \"" + token + "\"}}", Fixtures.key());
        assertEquals(201, saved.status(), saved::toString);
        long cart = cartWith(given, buyer, "19.99", 3);

        Api.Reply reply = buyer.api().post(checkout(cart),
                "{\"savedMethodId\": " + saved.json().getJsonNumber("id").longValue() + "}", Fixtures.key());

        assertEquals(201, reply.status(), reply::toString);
        JsonObject payment = reply.json().getJsonObject("payment");
        assertEquals("SUCCEEDED", payment.getString("status"));
        assertEquals("59.97", payment.getJsonObject("amount").getString("amount"));
        assertEquals(saved.json().getString("token"), payment.getJsonObject("paymentMethod").getString("token"));
        assertEveryCentAccountedFor(given, payment, buyer.customerId());
    }

    @Test
    void apple_pay_and_google_pay_are_charged_and_recorded_as_the_wallet_used() {
        Fixtures given = new Fixtures(deployment);
        Api admin = Api.as(deployment, "ADMIN");
        String before = admin.get("/api/v1/settings/checkout").body();
        try {
            Api.Reply enabled = admin.put("/api/v1/settings/checkout", "{\"wallets\": [\"APPLE_PAY\", \"GOOGLE_PAY\"]}");
            assertEquals(200, enabled.status(), enabled::toString);
            Fixtures.Buyer buyer = given.buyer();
            long apple = cartWith(given, buyer, "10.00", 1);
            long google = cartWith(given, buyer, "20.00", 1);
            JsonArray options = buyer.api().get("/api/v1/carts/" + apple + "/payment-options").json()
                    .getJsonArray("options");
            assertEquals(List.of("APPLE_PAY", "GOOGLE_PAY"), wallets(options, "CARD"));
            assertEquals(List.of(), wallets(options, "ACH"));

            Api.Reply applePaid = buyer.api().post(checkout(apple), pay("APPLE_PAY", "pm_applepay_visa"),
                    Fixtures.key());
            Api.Reply googlePaid = buyer.api().post(checkout(google), pay("GOOGLE_PAY", "pm_googlepay_visa"),
                    Fixtures.key());

            assertEquals(201, applePaid.status(), applePaid::toString);
            assertEquals(201, googlePaid.status(), googlePaid::toString);
            JsonObject applePayment = given.payment(applePaid.json().getJsonObject("payment").getInt("id"));
            JsonObject googlePayment = given.payment(googlePaid.json().getJsonObject("payment").getInt("id"));
            assertEquals("apple_pay", applePayment.getJsonObject("paymentMethod").getString("type"));
            assertEquals("google_pay", googlePayment.getJsonObject("paymentMethod").getString("type"));
            assertEquals("SUCCEEDED", applePayment.getString("status"));
            assertEquals("SUCCEEDED", googlePayment.getString("status"));
            assertEquals("CONFIRMED", applePaid.json().getJsonObject("order").getString("status"));
            assertEveryCentAccountedFor(given, googlePayment, buyer.customerId());
        } finally {
            restore(admin, before);
        }
    }

    @Test
    void with_wallets_disabled_none_is_offered_and_checkout_with_one_is_refused() {
        Fixtures given = new Fixtures(deployment);
        Api admin = Api.as(deployment, "ADMIN");
        String before = admin.get("/api/v1/settings/checkout").body();
        try {
            Api.Reply disabled = admin.put("/api/v1/settings/checkout", "{\"wallets\": []}");
            assertEquals(200, disabled.status(), disabled::toString);
            assertEquals(0, disabled.json().getJsonArray("wallets").size());
            assertEquals(0, Api.as(deployment, "CASHIER").get("/api/v1/settings/checkout").json()
                    .getJsonArray("wallets").size());
            Fixtures.Buyer buyer = given.buyer();
            long cart = cartWith(given, buyer, "10.00", 1);
            JsonArray options = buyer.api().get("/api/v1/carts/" + cart + "/payment-options").json()
                    .getJsonArray("options");
            assertEquals(List.of(), wallets(options, "CARD"));
            assertTrue(options.toString().contains("\"ACH\""), options::toString);

            Api.Reply refused = buyer.api().post(checkout(cart), pay("APPLE_PAY", "pm_applepay_visa"),
                    Fixtures.key());

            assertEquals(422, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"));
            assertEquals("wallet_not_enabled", refused.json().getString("code"));
            assertEquals("OPEN", buyer.api().get("/api/v1/carts/" + cart).json().getString("status"));
            assertEquals(0, given.openInvoiceCount(buyer.customerId()));
            assertEquals("0.00", given.credit(buyer.customerId()));
            Api.Reply notAWallet = admin.put("/api/v1/settings/checkout", "{\"wallets\": [\"CARD\"]}");
            assertEquals(422, notAWallet.status(), notAWallet::toString);
            Api.Reply unknown = admin.put("/api/v1/settings/checkout", "{\"wallets\": [\"PAYPAL\"]}");
            assertEquals(400, unknown.status(), unknown::toString);
            assertEquals(0, admin.get("/api/v1/settings/checkout").json().getJsonArray("wallets").size(),
                    "refused changes changed nothing");
        } finally {
            restore(admin, before);
        }
    }

    @Test
    void ten_concurrent_checkouts_with_ten_keys_charge_the_cart_exactly_once() throws Exception {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        long cart = cartWith(given, buyer, "33.33", 3);
        String body = pay("CARD", token(buyer, "4242424242424242"));

        List<Api.Reply> replies = concurrently(10, i -> buyer.api().post(checkout(cart), body, Fixtures.key()));

        int created = 0;
        Integer paymentId = null;
        for (Api.Reply reply : replies) {
            assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
            if (reply.status() == 201) {
                created++;
                paymentId = reply.json().getJsonObject("payment").getInt("id");
            } else {
                assertTrue(reply.contentType().startsWith("application/problem+json"));
                assertTrue(Set.of("order_already_paid", "payment_in_progress", "concurrent_update")
                        .contains(reply.json().getString("code")), reply::toString);
            }
        }
        assertEquals(1, created, "exactly one checkout went through: " + replies);
        assertEquals(1, given.charges(paymentId).size(), "the processor holds one charge");
        JsonObject order = given.orderOf(buyer.api().get("/api/v1/carts/" + cart).json().getInt("orderId"));
        assertEquals(paymentId, order.getInt("paymentId"));
        assertEquals("CONFIRMED", order.getString("status"));
        assertEveryCentAccountedFor(given, given.payment(paymentId), buyer.customerId());
    }

    @Test
    void ten_concurrent_checkouts_with_one_key_make_one_payment() throws Exception {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        long cart = cartWith(given, buyer, "12.00", 5);
        String body = pay("CARD", token(buyer, "4242424242424242"));
        String key = Fixtures.key();

        List<Api.Reply> replies = concurrently(10, i -> buyer.api().post(checkout(cart), body, key));

        Set<Integer> payments = new HashSet<>();
        String firstBody = null;
        for (Api.Reply reply : replies) {
            assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
            if (reply.status() == 201) {
                payments.add(reply.json().getJsonObject("payment").getInt("id"));
                assertTrue(firstBody == null || firstBody.equals(reply.body()), "every success is the same answer");
                firstBody = reply.body();
            } else {
                assertEquals("request_in_progress", reply.json().getString("code"), reply::toString);
            }
        }
        assertEquals(1, payments.size(), "one payment: " + replies);
        assertEquals(1, given.charges(payments.iterator().next()).size());
        assertEquals("0.00", given.credit(buyer.customerId()));
    }

    @Test
    void a_declined_checkout_leaves_the_order_open_and_a_second_checkout_pays_it() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        long cart = cartWith(given, buyer, "50.00", 1);

        Api.Reply declined = buyer.api().post(checkout(cart), pay("CARD", "pm_card_chargeDeclined"), Fixtures.key());

        assertEquals(402, declined.status(), declined::toString);
        assertEquals("card_declined", declined.json().getString("code"));
        assertEquals("OPEN", declined.json().getJsonObject("order").getString("status"));
        assertEquals("FAILED", declined.json().getJsonObject("payment").getString("status"));
        assertEquals(0, given.openInvoiceCount(buyer.customerId()));
        assertEquals("0.00", given.credit(buyer.customerId()));

        Api.Reply paid = buyer.api().post(checkout(cart), pay("CARD", "pm_card_visa"), Fixtures.key());

        assertEquals(201, paid.status(), paid::toString);
        assertEquals(declined.json().getJsonObject("order").getInt("id"),
                paid.json().getJsonObject("order").getInt("id"), "the same order is paid");
        assertEquals("CONFIRMED", paid.json().getJsonObject("order").getString("status"));
        assertEveryCentAccountedFor(given, paid.json().getJsonObject("payment"), buyer.customerId());
    }

    @Test
    void a_buyer_never_reaches_another_buyers_cart_or_orders() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer owner = given.buyer();
        Fixtures.Buyer other = given.buyer();
        String sku = given.item("Padlock", "8.00");
        long cart = openCart(owner);
        assertEquals(200, owner.api().put(line(cart, sku), "{\"quantity\": 2}").status());
        String before = owner.api().get("/api/v1/carts/" + cart).body();

        assertEquals(404, other.api().get("/api/v1/carts/" + cart).status());
        assertEquals(404, other.api().put(line(cart, sku), "{\"quantity\": 50}").status());
        assertEquals(404, other.api().delete(line(cart, sku)).status());
        assertEquals(404, other.api().get("/api/v1/carts/" + cart + "/payment-options").status());
        Api.Reply theft = other.api().post(checkout(cart), pay("CARD", token(other, "4242424242424242")),
                Fixtures.key());
        assertEquals(404, theft.status(), theft::toString);
        assertTrue(theft.contentType().startsWith("application/problem+json"));
        assertEquals(before, owner.api().get("/api/v1/carts/" + cart).body(), "the cart is untouched");

        Api.Reply paid = owner.api().post(checkout(cart), pay("CARD", "pm_card_visa"), Fixtures.key());
        assertEquals(201, paid.status(), paid::toString);
        int order = paid.json().getJsonObject("order").getInt("id");
        assertEquals(404, other.api().get("/api/v1/orders/" + order).status());
        assertEquals(0, other.api().get("/api/v1/orders").json().getJsonNumber("total").longValue());
        assertEquals(403, Api.as(deployment, "CASHIER").get("/api/v1/carts/" + cart).status(), "carts are buyers'");
    }

    @Test
    void bad_input_is_answered_with_a_problem_and_changes_nothing() {
        Fixtures given = new Fixtures(deployment);
        Fixtures.Buyer buyer = given.buyer();
        String sku = given.item("Chain 1 m", "5.00");
        long empty = openCart(buyer);
        String emptyBefore = buyer.api().get("/api/v1/carts/" + empty).body();

        Api.Reply emptyCheckout = buyer.api().post(checkout(empty), pay("CARD", "pm_card_visa"), Fixtures.key());
        assertEquals(422, emptyCheckout.status(), emptyCheckout::toString);
        assertTrue(emptyCheckout.contentType().startsWith("application/problem+json"));
        assertEquals("cart_empty", emptyCheckout.json().getString("code"));
        assertEquals(emptyBefore, buyer.api().get("/api/v1/carts/" + empty).body(), "still an empty open cart");
        assertEquals(0, buyer.api().get("/api/v1/orders").json().getJsonNumber("total").longValue(), "no order");

        long cart = openCart(buyer);
        assertEquals(200, buyer.api().put(line(cart, sku), "{\"quantity\": 3}").status());
        String before = buyer.api().get("/api/v1/carts/" + cart).body();
        for (String quantity : new String[] {"0", "-1"}) {
            Api.Reply reply = buyer.api().put(line(cart, sku), "{\"quantity\": " + quantity + "}");
            assertEquals(422, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"));
            assertEquals("invalid_quantity", reply.json().getString("code"));
            assertEquals("quantity", reply.problemField());
        }
        Api.Reply wrongType = buyer.api().put(line(cart, sku), "{\"quantity\": \"lots\"}");
        assertEquals(400, wrongType.status(), wrongType::toString);
        assertEquals("malformed_json", wrongType.json().getString("code"));
        Api.Reply fraction = buyer.api().put(line(cart, sku), "{\"quantity\": 2.5}");
        assertEquals(400, fraction.status(), fraction::toString);
        assertEquals("malformed_json", fraction.json().getString("code"), "a fraction is refused, not truncated");
        Api.Reply malformed = buyer.api().put(line(cart, sku), "{\"quantity\": ");
        assertEquals(400, malformed.status(), malformed::toString);
        Api.Reply noQuantity = buyer.api().put(line(cart, sku), "{}");
        assertEquals(400, noQuantity.status(), noQuantity::toString);
        assertEquals("required", noQuantity.json().getString("code"));
        Api.Reply unknownItem = buyer.api().put(line(cart, "NO-SUCH-ITEM-2"), "{\"quantity\": 1}");
        assertTrue(unknownItem.status() == 422 || unknownItem.status() == 404, unknownItem::toString);
        assertTrue(unknownItem.contentType().startsWith("application/problem+json"));
        Api.Reply unknownType = buyer.api().post(checkout(cart), pay("CASH", "pm_card_visa"), Fixtures.key());
        assertEquals(400, unknownType.status(), unknownType::toString);
        assertEquals("invalid_payment_method_type", unknownType.json().getString("code"));
        Api.Reply noKey = buyer.api().post(checkout(cart), pay("CARD", "pm_card_visa"), null);
        assertEquals(400, noKey.status(), noKey::toString);
        assertEquals("idempotency_key_required", noKey.json().getString("code"));
        assertEquals(before, buyer.api().get("/api/v1/carts/" + cart).body(), "the cart is unchanged");
        assertEquals(404, buyer.api().get("/api/v1/carts/987654321").status());
        assertEquals(0, given.openInvoiceCount(buyer.customerId()));
    }

    private interface Call {
        Api.Reply run(int i) throws Exception;
    }

    private static List<Api.Reply> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void restore(Api admin, String settings) {
        Api.Reply restored = admin.put("/api/v1/settings/checkout", settings);
        assertEquals(200, restored.status(), "the checkout settings are restored: " + restored);
    }

    private static List<String> wallets(JsonArray options, String type) {
        for (JsonValue option : options) {
            if (option.asJsonObject().getString("type").equals(type)) {
                return option.asJsonObject().getJsonArray("wallets").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).toList();
            }
        }
        throw new AssertionError("no option " + type + " in " + options);
    }

    private static long openCart(Fixtures.Buyer buyer) {
        Api.Reply reply = buyer.api().post("/api/v1/carts", "", Fixtures.key());
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("OPEN", reply.json().getString("status"));
        assertEquals(0, reply.json().getJsonArray("lines").size());
        assertEquals("0.00", reply.json().getJsonObject("total").getString("amount"));
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long cartWith(Fixtures given, Fixtures.Buyer buyer, String price, int quantity) {
        long cart = openCart(buyer);
        String sku = given.item("Item at " + price, price);
        Api.Reply reply = buyer.api().put(line(cart, sku), "{\"quantity\": " + quantity + "}");
        assertEquals(200, reply.status(), reply::toString);
        return cart;
    }

    private static String token(Fixtures.Buyer buyer, String number) {
        Api.Reply reply = buyer.api().post("/api/v1/sandbox/payment-methods", """
                {"type": "card", "card": {"number": "%s", "expMonth": 12, "expYear": 2034, "cvc": "123"}}
                """.formatted(number));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("token");
    }

    private static JsonObject lineOf(JsonObject cart, String sku) {
        for (JsonValue line : cart.getJsonArray("lines")) {
            if (line.asJsonObject().getString("sku").equals(sku)) {
                return line.asJsonObject();
            }
        }
        throw new AssertionError("no line " + sku + " in " + cart);
    }

    private static String line(long cart, String sku) {
        return "/api/v1/carts/" + cart + "/lines/" + sku;
    }

    private static String checkout(long cart) {
        return "/api/v1/carts/" + cart + "/checkout";
    }

    private static String pay(String type, String token) {
        return "{\"paymentMethod\": {\"type\": \"" + type + "\", \"token\": \"" + token + "\"}}";
    }

    /** Every cent of a payment that went through is on an invoice or in the customer's credit (none before). */
    private static void assertEveryCentAccountedFor(Fixtures given, JsonObject payment, long customer) {
        BigDecimal amount = new BigDecimal(payment.getJsonObject("amount").getString("amount"));
        BigDecimal applied = BigDecimal.ZERO;
        for (JsonValue value : payment.getJsonArray("allocations")) {
            JsonObject allocation = value.asJsonObject();
            applied = applied.add(new BigDecimal(allocation.getJsonObject("amount").getString("amount")));
            assertNotNull(given.invoice(allocation.getJsonNumber("receivableId").longValue()).getString("status"));
        }
        BigDecimal unapplied = new BigDecimal(payment.getJsonObject("unapplied").getString("amount"));
        assertEquals(0, amount.compareTo(applied.add(unapplied)), "applied + unapplied = amount: " + payment);
        assertEquals(0, unapplied.compareTo(new BigDecimal(given.credit(customer))),
                "what was not applied is the customer's credit: " + payment);
    }
}
