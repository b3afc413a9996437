package org.paydesk.it.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.it.stripe.StripeWorld.fake;
import static org.paydesk.it.stripe.StripeWorld.id;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Stripe misbehaving, and what the reconciler (on the server's EJB timer, moved on with the test clock) and the
 * webhooks make of it: a charge made and never answered (read timeout 3 s in this run) is UNKNOWN until a webhook or
 * the reconciler finds it; 5xx storms and rate limits within the retry budget (4 s) end in exactly one charge; a
 * storm past the budget that never reached Stripe fails after two checks and releases its invoice; a refund never
 * answered is sent again with its key and made once; a debit Stripe never settles is listed for staff after five
 * checks.
 */
@Tag("stripe")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StripeFaultsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private StripeWorld stripe;
    private Fixtures given;

    @BeforeEach
    void webhooks_reach_the_server() {
        stripe = new StripeWorld(deployment);
        given = stripe.given();
        stripe.webhooksOn();
        StripeWorld.quiet();
    }

    @AfterEach
    void faults_off_and_clock_back() {
        fake().failNext(0, 500);
        fake().timeoutAfterChargeNext(0);
        stripe.webhooksOn();
        stripe.resetClock();
    }

    @Test
    void a_charge_made_but_never_answered_is_unknown_until_the_reconciler_finds_it_succeeded() {
        // No webhook either: only the reconciler can learn what became of the charge.
        stripe.webhooksOff();
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        fake().timeoutAfterChargeNext(1);

        Instant sent = Instant.now();
        Api.Reply reply = stripe.pay(customer, "100.00", "card", "pm_card_visa");
        Duration took = Duration.between(sent, Instant.now());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("UNKNOWN", reply.json().getString("status"), reply::toString);
        assertNull(StripeWorld.string(reply.json(), "processorReference"), "the answer, and its reference, was lost");
        assertTrue(took.compareTo(Duration.ofSeconds(2)) > 0 && took.compareTo(Duration.ofSeconds(20)) < 0,
                "answered after the read timeout: " + took);
        long payment = id(reply);
        JsonNode intent = StripeWorld.onlyIntentOf(payment);
        assertEquals("succeeded", intent.path("status").asText(), "Stripe did charge");
        assertEquals("0.00", given.openBalance(invoices[0]), "the invoice stays reserved while the outcome is unknown");
        assertEquals("0.00", given.credit(customer));
        StripeWorld.pause(2500); // a few reconciler rounds: nothing is due before five minutes
        assertEquals("UNKNOWN", stripe.payment(payment).getString("status"));

        stripe.advanceClock(301);

        JsonObject settled = stripe.awaitStatus(payment, "SUCCEEDED", 30);
        assertEquals(intent.path("id").asText(), settled.getString("processorReference"));
        assertEquals(1, StripeWorld.intentsOf(payment).size(), "never charged twice");
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
        assertEquals(1, given.charges(payment).size());
        assertTrue(unresolved(Api.as(deployment, "ACCOUNTS_RECEIVABLE"), payment).isEmpty(), "nothing left for staff");
    }

    @Test
    void a_charge_whose_answer_was_lost_is_settled_by_its_own_webhook_without_waiting_for_the_reconciler() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        fake().timeoutAfterChargeNext(1);

        Api.Reply reply = stripe.pay(customer, "130.00", "card", "pm_card_visa");

        // Stripe's webhook for the charge names the payment in its metadata and comes while Paydesk still waits for
        // the answer: the payment is settled by it, whatever the lost answer then says.
        assertEquals(201, reply.status(), reply::toString);
        long payment = id(reply);
        JsonNode intent = StripeWorld.onlyIntentOf(payment);
        JsonObject settled = stripe.awaitStatus(payment, "SUCCEEDED", 10);
        assertEquals(intent.path("id").asText(), settled.getString("processorReference"));
        assertEquals(1, StripeWorld.intentsOf(payment).size(), "never charged twice");
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("30.00", given.credit(customer), "the rest becomes credit once, not once per message");
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void an_ach_debit_whose_answer_was_lost_is_followed_by_its_webhooks_to_the_end() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        fake().timeoutAfterChargeNext(1);

        Api.Reply reply = stripe.pay(customer, "110.00", "ach", "pm_usBankAccount_success");

        assertEquals(201, reply.status(), reply::toString);
        assertTrue(Set.of("UNKNOWN", "PROCESSING").contains(reply.json().getString("status")), reply::toString);
        long payment = id(reply);
        String intent = StripeWorld.onlyIntentOf(payment).path("id").asText();
        assertEquals("processing", StripeWorld.intent(intent).path("status").asText());
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));

        assertTrue(fake().settle(intent));

        JsonObject settled = stripe.awaitStatus(payment, "SUCCEEDED", 20);
        assertEquals(intent, settled.getString("processorReference"));
        assertEquals("10.00", given.credit(customer));
        assertEquals(1, StripeWorld.intentsOf(payment).size());
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void a_refund_stripe_never_answered_is_asked_again_with_the_same_key_and_made_once() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply paid = stripe.pay(customer, "150.00", "card", "pm_card_visa");
        assertEquals(201, paid.status(), paid::toString);
        long payment = id(paid);
        String intent = paid.json().getString("processorReference");
        StripeWorld.awaitDelivered(intent, "payment_intent.succeeded");
        StripeWorld.quiet();
        fake().failNext(1000, 503);

        Api.Reply refund = stripe.refund(payment, "70.00");
        fake().failNext(0, 503);

        assertEquals(201, refund.status(), refund::toString);
        String status = refund.json().getString("status");
        assertTrue(Set.of("REQUESTED", "PENDING").contains(status), refund::toString);
        assertEquals(0, StripeWorld.refundsOf(intent).size(), "Stripe made no refund yet");
        stripe.assertMoneyKept(payment, customer, invoices);
        long refundId = id(refund);

        stripe.advanceClock(301);

        Api cashier = Api.as(deployment, "CASHIER");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject followed = cashier.get("/api/v1/payments/" + payment + "/refunds").jsonArray().getJsonObject(0);
        while (!"SUCCEEDED".equals(followed.getString("status")) && Instant.now().isBefore(deadline)) {
            StripeWorld.pause(200);
            followed = cashier.get("/api/v1/payments/" + payment + "/refunds").jsonArray().getJsonObject(0);
        }
        assertEquals("SUCCEEDED", followed.getString("status"), followed::toString);
        assertEquals(refundId, followed.getJsonNumber("id").longValue());
        List<JsonNode> atStripe = StripeWorld.refundsOf(intent);
        assertEquals(1, atStripe.size(), atStripe::toString);
        assertEquals(7000, atStripe.get(0).path("amount").asLong());
        assertEquals(followed.getString("processorRefundId"), atStripe.get(0).path("id").asText());
        String key = atStripe.get(0).path("metadata").path("paydesk_refund_key").asText();
        List<StripeFake.RecordedRequest> tries = StripeWorld.requestsWithKey(key);
        assertTrue(tries.size() >= 2, tries::toString);
        assertTrue(tries.stream().allMatch(r -> "/v1/refunds".equals(r.path())), tries::toString);
        assertEquals(1, tries.stream().filter(r -> r.status() == 200 && !r.replayed()).count(), tries::toString);
        JsonObject after = stripe.payment(payment);
        assertEquals("PARTIALLY_REFUNDED", after.getString("status"));
        assertEquals("70.00", after.getJsonObject("refunded").getString("amount"));
        assertEquals("0.00", given.credit(customer));
        assertEquals("20.00", given.openBalance(invoices[1]));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void an_ach_debit_stripe_never_settles_is_checked_with_longer_waits_and_then_listed_for_staff() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        Api.Reply reply = stripe.pay(customer, "100.00", "ach", "pm_usBankAccount_processing");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PROCESSING", reply.json().getString("status"));
        long payment = id(reply);
        Api staff = Api.as(deployment, "ACCOUNTS_RECEIVABLE");
        assertTrue(unresolved(staff, payment).isEmpty(), "not listed before the reconciler checked it");

        // Each check finds it still processing and waits twice as long (5, 10, 20, 40 minutes, then an hour).
        JsonObject listed = null;
        for (int advance = 0; advance < 12 && listed == null; advance++) {
            stripe.advanceClock(3601);
            StripeWorld.pause(1300);
            listed = unresolved(staff, payment).orElse(null);
        }

        assertTrue(listed != null, "listed for staff after five checks");
        assertEquals("payment", listed.getString("kind"));
        assertEquals("PROCESSING", listed.getString("status"));
        assertTrue(listed.getInt("checks") >= 5, listed::toString);
        assertEquals("100.00", listed.getJsonObject("amount").getString("amount"));
        assertEquals("PROCESSING", stripe.payment(payment).getString("status"));
        assertEquals("0.00", given.openBalance(invoices[0]), "still reserved: the money may yet arrive");
        assertEquals(1, StripeWorld.intentsOf(payment).size(), "asked about, never charged again");
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    private static Optional<JsonObject> unresolved(Api staff, long payment) {
        Api.Reply reply = staff.get("/api/v1/payments/unresolved");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").stream().map(item -> item.asJsonObject())
                .filter(item -> item.getJsonNumber("paymentId").longValue() == payment).findFirst();
    }

    @Test
    void a_storm_of_503s_within_the_retry_budget_ends_in_one_charge_and_a_succeeded_payment() {
        assertOneChargeThrough(503, 3);
    }

    @Test
    void rate_limits_within_the_retry_budget_are_waited_out_and_end_in_one_charge() {
        assertOneChargeThrough(429, 2);
    }

    private void assertOneChargeThrough(int status, int failures) {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:80.00");
        fake().failNext(failures, status);

        Api.Reply reply = stripe.pay(customer, "100.00", "card", "pm_card_visa");

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("SUCCEEDED", reply.json().getString("status"), reply::toString);
        long payment = id(reply);
        JsonNode intent = StripeWorld.onlyIntentOf(payment);
        assertEquals(intent.path("id").asText(), reply.json().getString("processorReference"));
        List<StripeFake.RecordedRequest> sent = StripeWorld.requestsWithKey(
                intent.path("metadata").path("paydesk_attempt_key").asText());
        assertEquals(failures + 1, sent.size(), () -> "every try with the attempt's key: " + sent);
        for (int i = 0; i < failures; i++) {
            assertEquals(status, sent.get(i).status(), sent::toString);
        }
        assertEquals(200, sent.get(failures).status(), sent::toString);
        assertTrue(sent.stream().allMatch(r -> "/v1/payment_intents".equals(r.path())), sent::toString);
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("20.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void a_storm_past_the_retry_budget_that_never_reached_stripe_fails_after_two_checks_and_releases_the_invoice() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        fake().failNext(1000, 503);

        Api.Reply reply = stripe.pay(customer, "100.00", "card", "pm_card_visa");
        fake().failNext(0, 503);

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("UNKNOWN", reply.json().getString("status"), reply::toString);
        long payment = id(reply);
        assertEquals(0, StripeWorld.intentsOf(payment).size(), "no charge was made");
        assertEquals("0.00", given.openBalance(invoices[0]));

        // First check: Stripe holds no charge yet; that may be its search lagging, so the reconciler waits.
        stripe.advanceClock(301);
        StripeWorld.pause(3000);
        assertEquals("UNKNOWN", stripe.payment(payment).getString("status"));
        // Second check, ten minutes on: still none, so none was made.
        stripe.advanceClock(601);

        JsonObject failed = stripe.awaitStatus(payment, "FAILED", 30);
        assertEquals("processor_no_charge", failed.getJsonObject("failure").getString("code"));
        assertEquals("100.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
        assertEquals(0, StripeWorld.intentsOf(payment).size());
    }
}
