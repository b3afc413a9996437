package org.paydesk.it.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.it.stripe.StripeWorld.assertProblem;
import static org.paydesk.it.stripe.StripeWorld.fake;
import static org.paydesk.it.stripe.StripeWorld.id;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;
import org.paydesk.stripefake.StripeFake;

/**
 * Stripe's webhooks at the server's endpoint: applied once each, by the PaymentIntent as Stripe now holds it, so any
 * order and any repetition ends where Stripe's own delivery ended; and nothing is read without a fresh signature made
 * with the endpoint's secret.
 */
@Tag("stripe")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StripeWebhooksIT {

    /** Events Paydesk does not follow; each is answered {@code ignored} the first time. */
    private static final Set<String> NOT_FOLLOWED = Set.of("payment_intent.created");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private StripeWorld stripe;
    private Fixtures given;

    @BeforeEach
    void world() {
        stripe = new StripeWorld(deployment);
        given = stripe.given();
    }

    @AfterEach
    void webhooks_back_on() {
        stripe.webhooksOn();
    }

    /** One ACH payment of 150.00 over invoices of 60.00 and 40.00: the customer, the payment, its invoices. */
    private record Debit(long customer, long payment, String intent, long[] invoices) {
    }

    private Debit debit() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply reply = stripe.pay(customer, "150.00", "ach", "pm_usBankAccount_success");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PROCESSING", reply.json().getString("status"), reply::toString);
        return new Debit(customer, id(reply), reply.json().getString("processorReference"), invoices);
    }

    private StripeWorld.Ledger ledger(Debit debit) {
        return stripe.ledger(debit.payment(), debit.customer(), debit.invoices());
    }

    @Test
    void events_reposted_in_any_order_and_repeated_end_where_stripes_own_delivery_ended() {
        // The natural run: Stripe's own deliveries, one at a time, as things happen.
        stripe.webhooksOn();
        Debit natural = debit();
        assertTrue(fake().settle(natural.intent()));
        stripe.awaitStatus(natural.payment(), "SUCCEEDED", 20);
        assertEquals("50.00", given.credit(natural.customer()));
        fake().achReturn(natural.intent(), "debit_not_authorized");
        stripe.awaitStatus(natural.payment(), "RETURNED", 20);
        StripeWorld.awaitDelivered(natural.intent(), "payment_intent.processing", "payment_intent.succeeded",
                "payment_intent.payment_failed");
        StripeWorld.Ledger expected = ledger(natural);
        assertEquals("RETURNED", expected.status());
        assertEquals("debit_not_authorized", expected.failureCode());
        assertEquals(List.of("60.00", "40.00"), expected.openBalances());
        assertEquals("0.00", expected.credit());
        stripe.assertMoneyKept(natural.payment(), natural.customer(), natural.invoices());
        List<String> naturalTypes = StripeWorld.eventsAbout(natural.intent()).stream()
                .map(event -> event.path("type").asText()).toList();
        assertTrue(naturalTypes.containsAll(List.of("payment_intent.processing", "charge.succeeded",
                "payment_intent.succeeded", "charge.failed", "payment_intent.payment_failed")), naturalTypes::toString);

        // From here on the fake keeps its events: only what is posted below reaches the server.
        stripe.webhooksOff();

        // 1. By hand, as things happen, each event twice: the server follows every step.
        Debit stepwise = debit();
        List<JsonNode> accepted = eventsAbout(stepwise, Set.of());
        Set<String> seen = ids(accepted);
        postAll(accepted, 2);
        assertEquals("PROCESSING", stripe.payment(stepwise.payment()).getString("status"));
        assertTrue(fake().settle(stepwise.intent()));
        List<JsonNode> settled = eventsAbout(stepwise, seen);
        seen.addAll(ids(settled));
        postAll(settled, 2);
        assertEquals("SUCCEEDED", stripe.payment(stepwise.payment()).getString("status"));
        assertEquals("50.00", given.credit(stepwise.customer()));
        fake().achReturn(stepwise.intent(), "debit_not_authorized");
        List<JsonNode> returns = eventsAbout(stepwise, seen);
        assertTrue(!returns.isEmpty() && !settled.isEmpty(), "the fake made events for each step");
        postAll(returns, 2);
        assertEquals(expected, ledger(stepwise));

        // 2. Everything after the fact, newest first.
        Debit reversed = debit();
        finishAtStripe(reversed);
        List<JsonNode> newestFirst = new ArrayList<>(eventsAbout(reversed, Set.of()));
        Collections.reverse(newestFirst);
        postAll(newestFirst, 1);
        assertEquals(expected, ledger(reversed));

        // 3. Shuffled, each event two or three times, with stale ones (processing) last.
        Debit shuffled = debit();
        finishAtStripe(shuffled);
        List<JsonNode> events = eventsAbout(shuffled, Set.of());
        List<JsonNode> storm = new ArrayList<>();
        Random random = new Random(20261129L);
        for (JsonNode event : events) {
            for (int i = 0; i < 2 + random.nextInt(2); i++) {
                storm.add(event);
            }
        }
        Collections.shuffle(storm, random);
        storm.sort((a, b) -> Boolean.compare(isProcessing(a), isProcessing(b)));
        postAll(storm, 1);
        assertEquals(expected, ledger(shuffled));

        // 4. The success arrives (twice) when Stripe already holds the return; then the failure; stale ones last.
        Debit late = debit();
        finishAtStripe(late);
        List<JsonNode> lateEvents = eventsAbout(late, Set.of());
        List<JsonNode> order = new ArrayList<>();
        order.addAll(ofType(lateEvents, "payment_intent.succeeded"));
        order.addAll(ofType(lateEvents, "payment_intent.succeeded"));
        order.addAll(ofType(lateEvents, "charge.failed"));
        order.addAll(ofType(lateEvents, "payment_intent.payment_failed"));
        order.addAll(ofType(lateEvents, "payment_intent.processing"));
        order.addAll(ofType(lateEvents, "charge.succeeded"));
        order.addAll(ofType(lateEvents, "charge.pending"));
        order.addAll(ofType(lateEvents, "charge.failed"));
        postAll(order, 1);
        assertEquals(expected, ledger(late));

        for (Debit debit : List.of(stepwise, reversed, shuffled, late)) {
            stripe.assertMoneyKept(debit.payment(), debit.customer(), debit.invoices());
        }
    }

    @Test
    void a_webhook_with_a_bad_or_stale_signature_is_refused_with_400_and_changes_nothing() {
        stripe.webhooksOff();
        Debit debit = debit();
        assertTrue(fake().settle(debit.intent()));
        JsonNode succeeded = ofType(StripeWorld.eventsAbout(debit.intent()), "payment_intent.succeeded").get(0);
        String payload = StripeWorld.text(succeeded);
        long now = Instant.now().getEpochSecond();
        assertTrue(payload.contains("\"livemode\":false"), payload);
        StripeWorld.Ledger before = ledger(debit);
        assertEquals("PROCESSING", before.status());

        Api.Reply otherSecret = stripe.postWebhook(payload,
                StripeFake.signatureHeader("whsec_someone_else", now, payload));
        Api.Reply altered = stripe.postWebhook(payload.replace("\"livemode\":false", "\"livemode\":true"),
                StripeFake.signatureHeader(StripeWorld.WEBHOOK_SECRET, now, payload));
        Api.Reply stale = stripe.postWebhook(payload,
                StripeFake.signatureHeader(StripeWorld.WEBHOOK_SECRET, now - 301 - 60, payload));
        Api.Reply unsigned = stripe.postWebhook(payload, null);
        Api.Reply garbled = stripe.postWebhook(payload, "t=" + now + ",v1=not-a-signature");

        for (Api.Reply refused : List.of(otherSecret, altered, stale, unsigned, garbled)) {
            assertProblem(refused, 400, "invalid_signature");
        }
        assertEquals(before, ledger(debit), "nothing changed");
        assertEquals("0.00", given.credit(debit.customer()));

        // Signed properly but not an event, or an event about a PaymentIntent Paydesk never made: nothing changes.
        String notAnEvent = "{\"hello\":\"world\"}";
        assertProblem(stripe.postWebhook(notAnEvent, StripeFake.signatureHeader(StripeWorld.WEBHOOK_SECRET, now,
                notAnEvent)), 400, "invalid_signature");
        com.fasterxml.jackson.databind.node.ObjectNode foreign = succeeded.deepCopy();
        foreign.put("id", "evt_paydesk_it_foreign_" + debit.payment());
        ((com.fasterxml.jackson.databind.node.ObjectNode) foreign.path("data").path("object"))
                .put("id", "pi_paydesk_it_never_made");
        Api.Reply foreignReply = stripe.postSigned(foreign);
        assertEquals(200, foreignReply.status(), foreignReply::toString);
        assertEquals("ignored", foreignReply.json().getString("result"), "it names the payment, but not its charge");
        assertEquals(before, ledger(debit), "nothing changed");

        // The very same event, signed properly (with a second signature of an older secret, as Stripe sends while
        // a secret is rolled): it was never recorded, so it applies now, once.
        long signedAt = Instant.now().getEpochSecond();
        String rolled = "t=" + signedAt + ","
                + v1(StripeFake.signatureHeader("whsec_rolled_away", signedAt, payload)) + ","
                + v1(StripeFake.signatureHeader(StripeWorld.WEBHOOK_SECRET, signedAt, payload));
        Api.Reply good = stripe.postWebhook(payload, rolled);
        Api.Reply again = stripe.postSigned(succeeded);

        assertEquals(200, good.status(), good::toString);
        assertEquals("applied", good.json().getString("result"));
        assertTrue(good.json().getBoolean("received"));
        assertEquals(200, again.status(), again::toString);
        assertEquals("duplicate", again.json().getString("result"));
        assertEquals("SUCCEEDED", stripe.payment(debit.payment()).getString("status"));
        assertEquals("50.00", given.credit(debit.customer()));
        stripe.assertMoneyKept(debit.payment(), debit.customer(), debit.invoices());
    }

    @Test
    void the_same_event_delivered_several_times_at_once_is_applied_once() throws Exception {
        stripe.webhooksOff();
        Debit debit = debit();
        assertTrue(fake().settle(debit.intent()));
        JsonNode succeeded = ofType(StripeWorld.eventsAbout(debit.intent()), "payment_intent.succeeded").get(0);
        int deliveries = 6;
        ExecutorService senders = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                replies.add(senders.submit(() -> {
                    start.await();
                    return stripe.postSigned(succeeded);
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                Api.Reply answered = reply.get(60, TimeUnit.SECONDS);
                assertEquals(200, answered.status(), answered::toString);
                results.add(answered.json().getString("result"));
            }
            assertEquals(1, Collections.frequency(results, "applied"), results::toString);
            assertEquals(deliveries - 1, Collections.frequency(results, "duplicate"), results::toString);
        } finally {
            senders.shutdownNow();
        }
        assertEquals("SUCCEEDED", stripe.payment(debit.payment()).getString("status"));
        assertEquals("50.00", given.credit(debit.customer()), "the credit is added once");
        stripe.assertMoneyKept(debit.payment(), debit.customer(), debit.invoices());
    }

    /** The {@code v1=...} part of a {@code Stripe-Signature} header. */
    private static String v1(String header) {
        return header.substring(header.indexOf("v1="));
    }

    /** Settles the debit at the fake, then returns it: Stripe's final word, none of it delivered. */
    private static void finishAtStripe(Debit debit) {
        assertTrue(fake().settle(debit.intent()));
        fake().achReturn(debit.intent(), "debit_not_authorized");
    }

    /** The fake's events about the debit's PaymentIntent, but those whose ids are in {@code except}. */
    private static List<JsonNode> eventsAbout(Debit debit, Set<String> except) {
        return StripeWorld.eventsAbout(debit.intent()).stream()
                .filter(event -> !except.contains(event.path("id").asText())).toList();
    }

    private static Set<String> ids(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.path("id").asText()));
        return ids;
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(event -> type.equals(event.path("type").asText())).toList();
    }

    private static boolean isProcessing(JsonNode event) {
        return Set.of("payment_intent.processing", "charge.pending").contains(event.path("type").asText());
    }

    /**
     * Posts each event {@code times} times in a row, signed now; the first post of an event id is {@code applied}
     * ({@code ignored} for what Paydesk does not follow), every later post of it {@code duplicate}.
     */
    private void postAll(List<JsonNode> events, int times) {
        Set<String> posted = new HashSet<>();
        for (JsonNode event : events) {
            String eventId = event.path("id").asText();
            for (int i = 0; i < times; i++) {
                Api.Reply reply = stripe.postSigned(event);
                assertEquals(200, reply.status(), () -> event.path("type").asText() + ": " + reply);
                String expected = !posted.add(eventId) || alreadyPosted.contains(eventId) ? "duplicate"
                        : NOT_FOLLOWED.contains(event.path("type").asText()) ? "ignored" : "applied";
                assertEquals(expected, reply.json().getString("result"),
                        () -> event.path("type").asText() + " " + eventId + ": " + reply);
            }
        }
        alreadyPosted.addAll(posted);
    }

    /** Every event id this test posted, across calls of {@link #postAll}. */
    private final Set<String> alreadyPosted = new HashSet<>();
}
