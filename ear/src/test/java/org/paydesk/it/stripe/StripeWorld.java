package org.paydesk.it.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Fixtures;
import org.paydesk.stripefake.StripeFake;

/**
 * The Stripe side of the Stripe-mode tests: one {@link StripeFake} for the whole test JVM, on the port the server of
 * this run was started with ({@code it.stripe.port}, see arquillian.xml container {@code wildfly-stripe}), sending its
 * webhooks to the deployed endpoint; plus what the tests ask of it and of Paydesk's ledger.
 */
final class StripeWorld {

    /** The signing secret the server was started with ({@code paydesk.stripe.webhook-secret}). */
    static final String WEBHOOK_SECRET = "whsec_paydesk_it_secret";
    static final String WEBHOOK_PATH = "/api/v1/webhooks/stripe";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static StripeFake fake;

    private final URL deployment;
    private final Fixtures given;
    private final Api admin;

    StripeWorld(URL deployment) {
        this.deployment = deployment;
        this.given = new Fixtures(deployment);
        this.admin = Api.as(deployment, "ADMIN");
    }

    /** The run's fake, started on first use and left running until the test JVM ends. */
    static synchronized StripeFake fake() {
        if (fake == null) {
            fake = StripeFake.start(Integer.getInteger("it.stripe.port", 12181));
            StripeFake started = fake;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stripe-fake-stop"));
        }
        return fake;
    }

    Fixtures given() {
        return given;
    }

    // ------------------------------------------------------------------------------------------------ webhooks

    URI webhookEndpoint() {
        try {
            return deployment.toURI().resolve(WEBHOOK_PATH);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The fake sends every event it makes from now on to the deployed endpoint, as Stripe would. */
    void webhooksOn() {
        fake().webhookEndpoint(webhookEndpoint(), WEBHOOK_SECRET);
    }

    /** The fake keeps its events to itself: only what a test posts (or the reconciler finds) reaches Paydesk. */
    void webhooksOff() {
        fake().webhookEndpoint(null, null);
    }

    /** Posts a webhook with exactly this body and {@code Stripe-Signature} header (none when null). */
    Api.Reply postWebhook(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhookEndpoint()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the event signed now with the endpoint's secret, as Stripe does; answers the endpoint's reply. */
    Api.Reply postSigned(JsonNode event) {
        String payload = text(event);
        return postWebhook(payload, StripeFake.signatureHeader(WEBHOOK_SECRET, Instant.now().getEpochSecond(),
                payload));
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event the fake made about the PaymentIntent (or its charges and refunds), oldest first. */
    static List<JsonNode> eventsAbout(String paymentIntent) {
        List<JsonNode> about = new ArrayList<>();
        for (JsonNode event : fake().events()) {
            JsonNode object = event.path("data").path("object");
            if (paymentIntent.equals(object.path("id").asText()) || paymentIntent.equals(
                    object.path("payment_intent").asText())) {
                about.add(event);
            }
        }
        return about;
    }

    /** Waits (up to 15 s) until the server accepted (200) every event of these types about the PaymentIntent. */
    static void awaitDelivered(String paymentIntent, String... types) {
        awaitDeliveries(paymentIntent, true, types);
    }

    /** Waits (up to 15 s) until the fake sent every event of these types about the PaymentIntent, however answered. */
    static void awaitSent(String paymentIntent, String... types) {
        awaitDeliveries(paymentIntent, false, types);
    }

    private static void awaitDeliveries(String paymentIntent, boolean accepted, String... types) {
        Set<String> wanted = Set.of(types);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            List<String> ids = eventsAbout(paymentIntent).stream()
                    .filter(event -> wanted.contains(event.path("type").asText()))
                    .map(event -> event.path("id").asText()).toList();
            Set<String> delivered = new HashSet<>();
            fake().webhookDeliveries().stream().filter(d -> !accepted || d.status() == 200)
                    .forEach(d -> delivered.add(d.eventId()));
            if (ids.size() >= wanted.size() && delivered.containsAll(ids)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("events " + wanted + " of " + paymentIntent + " were not all " + (accepted ? "accepted" : "sent")
                        + ": made " + ids + ", deliveries " + fake().webhookDeliveries());
            }
            pause(100);
        }
    }

    /** Waits until the fake has had no request and made no delivery for a moment (earlier tests' webhooks done). */
    static void quiet() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        int requests = -1;
        int deliveries = -1;
        int stable = 0;
        while (stable < 4 && Instant.now().isBefore(deadline)) {
            int nowRequests = fake().requests().size();
            int nowDeliveries = fake().webhookDeliveries().size();
            stable = nowRequests == requests && nowDeliveries == deliveries ? stable + 1 : 0;
            requests = nowRequests;
            deliveries = nowDeliveries;
            pause(100);
        }
    }

    // ---------------------------------------------------------------------------------------- the fake's state

    /** The PaymentIntents the fake holds for this Paydesk payment (by the metadata Paydesk puts on each). */
    static List<JsonNode> intentsOf(long paymentId) {
        return fake().paymentIntents().stream()
                .filter(intent -> String.valueOf(paymentId).equals(
                        intent.path("metadata").path("paydesk_payment_id").asText()))
                .toList();
    }

    /** The one PaymentIntent of the payment; fails when there is none or more than one. */
    static JsonNode onlyIntentOf(long paymentId) {
        List<JsonNode> intents = intentsOf(paymentId);
        assertEquals(1, intents.size(), () -> "PaymentIntents at Stripe for payment " + paymentId + ": " + intents);
        return intents.get(0);
    }

    static JsonNode intent(String id) {
        return fake().paymentIntents().stream().filter(intent -> id.equals(intent.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the fake holds no PaymentIntent " + id));
    }

    static JsonNode charge(String id) {
        return fake().charges().stream().filter(charge -> id.equals(charge.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the fake holds no charge " + id));
    }

    static List<JsonNode> refundsOf(String paymentIntent) {
        return fake().refunds().stream()
                .filter(refund -> paymentIntent.equals(refund.path("payment_intent").asText())).toList();
    }

    /**
     * A PaymentMethod of the payer's own, made at Stripe from a card token as Stripe.js makes it in the payer's
     * browser ({@code tok_visa}, {@code tok_mastercard} ...): a {@code pm_...} the fake holds, not a shared test id.
     */
    static String paymentMethodAsStripeJsMakesIt(String cardToken) {
        // Stripe.js uses the publishable key; the fake takes secret test keys only.
        return callStripe("/v1/payment_methods", "type=card&card%5Btoken%5D=" + cardToken).path("id").asText();
    }

    /** A refund made at Stripe by someone else (in Stripe's dashboard), not through Paydesk. */
    static JsonNode refundInStripesDashboard(String paymentIntent, long cents) {
        return callStripe("/v1/refunds", "payment_intent=" + paymentIntent + "&amount=" + cents);
    }

    /** A POST to the fake's API, as a client of Stripe other than Paydesk; fails unless answered 200. */
    private static JsonNode callStripe(String path, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake().baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer sk_test_paydesk_it_elsewhere")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response::body);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The requests the fake received with this idempotency key, oldest first. */
    static List<StripeFake.RecordedRequest> requestsWithKey(String key) {
        return fake().requests().stream().filter(request -> key.equals(request.idempotencyKey())).toList();
    }

    // ------------------------------------------------------------------------------------------------ Paydesk

    /** Takes a payment as a cashier; answers the reply as it came. */
    Api.Reply pay(long customer, String amount, String type, String token) {
        return Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "%s", "currency": "USD"},
                 "paymentMethod": {"type": "%s", "token": "%s"}}
                """.formatted(customer, amount, type, token), Fixtures.key());
    }

    Api.Reply refund(long payment, String amount) {
        String body = amount == null ? "{}"
                : "{\"amount\": {\"amount\": \"%s\", \"currency\": \"USD\"}}".formatted(amount);
        return Api.as(deployment, "CASHIER").post("/api/v1/payments/" + payment + "/refunds", body, Fixtures.key());
    }

    JsonObject payment(long id) {
        return given.payment(id);
    }

    /** Waits (up to {@code seconds}) until the payment has the status; answers the payment as it then stands. */
    JsonObject awaitStatus(long payment, String status, int seconds) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        JsonObject now = payment(payment);
        while (!status.equals(now.getString("status")) && Instant.now().isBefore(deadline)) {
            pause(150);
            now = payment(payment);
        }
        assertEquals(status, now.getString("status"), now::toString);
        return now;
    }

    void advanceClock(long seconds) {
        Api.Reply reply = admin.post("/api/v1/testing/clock/advance", "{\"seconds\": " + seconds + "}");
        assertEquals(200, reply.status(), reply::toString);
    }

    void resetClock() {
        admin.post("/api/v1/testing/clock/reset", "{}");
    }

    /** In cents: what the customer's money now is, on these invoices (their paid part) and as credit. */
    long held(long customer, long... invoices) {
        long cents = cents(given.credit(customer));
        for (long invoice : invoices) {
            JsonObject json = given.invoice(invoice);
            cents += cents(json.getJsonObject("amount").getString("amount"))
                    - cents(json.getJsonObject("openBalance").getString("amount"));
        }
        return cents;
    }

    /**
     * Money neither lost nor made: the invoices' paid parts plus the customer's credit are what the payment still
     * holds (its amount less what was refunded; nothing when it failed or came back).
     */
    void assertMoneyKept(long payment, long customer, long... invoices) {
        JsonObject json = payment(payment);
        String status = json.getString("status");
        long kept = Set.of("FAILED", "RETURNED").contains(status) ? 0
                : cents(json.getJsonObject("amount").getString("amount"))
                        - cents(json.getJsonObject("refunded").getString("amount"));
        assertEquals(kept, held(customer, invoices), () -> "money held for payment " + json);
    }

    /** The ledger's view of one payment's customer, for comparing end states of different payments. */
    record Ledger(String status, String failureCode, String refunded, String unapplied, List<String> allocations,
            List<String> openBalances, String credit) {
    }

    Ledger ledger(long payment, long customer, long... invoices) {
        JsonObject json = payment(payment);
        List<String> allocations = json.getJsonArray("allocations").stream()
                .map(a -> a.asJsonObject().getJsonObject("amount").getString("amount")).toList();
        List<String> open = new ArrayList<>();
        for (long invoice : invoices) {
            open.add(given.openBalance(invoice));
        }
        JsonObject failure = object(json, "failure");
        return new Ledger(json.getString("status"), failure == null ? null : failure.getString("code"),
                json.getJsonObject("refunded").getString("amount"), json.getJsonObject("unapplied").getString("amount"),
                allocations, open, given.credit(customer));
    }

    /** A member that is an object, or null when absent or null (JSON-B leaves null members out). */
    static JsonObject object(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() != JsonValue.ValueType.OBJECT ? null : value.asJsonObject();
    }

    /** A member that is a string, or null when absent or null. */
    static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() != JsonValue.ValueType.STRING ? null : json.getString(name);
    }

    static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    static long id(Api.Reply reply) {
        return reply.json().getJsonNumber("id").longValue();
    }

    static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        assertEquals(code, reply.json().getString("code"), reply::toString);
    }

    static <T> List<T> matching(List<T> all, Predicate<T> test) {
        return all.stream().filter(test).toList();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
