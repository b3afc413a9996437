package org.paydesk.it.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.it.stripe.StripeWorld.assertProblem;
import static org.paydesk.it.stripe.StripeWorld.fake;
import static org.paydesk.it.stripe.StripeWorld.id;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Payments, refunds, ACH settlement and returns, and disputes with {@code paydesk.processor=stripe}, against the
 * stateful Stripe fake: what Paydesk records and what Stripe holds agree, and money is neither lost nor made. Webhooks
 * are on, as in production: every event the fake makes reaches the server's endpoint.
 */
@Tag("stripe")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StripePaymentsIT {

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
    }

    @AfterEach
    void clock_back_to_real_time() {
        stripe.resetClock();
    }

    @Test
    void a_card_payment_is_one_payment_intent_made_with_the_attempts_idempotency_key() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00", "2026-02-28:200.00");

        Api.Reply reply = stripe.pay(customer, "350.00", "card", "pm_card_visa");

        assertEquals(201, reply.status(), reply::toString);
        JsonObject payment = reply.json();
        long id = id(reply);
        assertEquals("SUCCEEDED", payment.getString("status"));
        assertEquals(2, payment.getJsonArray("allocations").size(), payment::toString);
        assertEquals("50.00", payment.getJsonObject("unapplied").getString("amount"));
        JsonNode intent = StripeWorld.onlyIntentOf(id);
        assertEquals(intent.path("id").asText(), payment.getString("processorReference"));
        assertEquals("succeeded", intent.path("status").asText());
        assertEquals(35000, intent.path("amount").asLong());
        assertEquals("usd", intent.path("currency").asText());
        assertEquals("card", intent.path("payment_method_types").path(0).asText());
        String attemptKey = intent.path("metadata").path("paydesk_attempt_key").asText();
        assertTrue(attemptKey.startsWith("paydesk-attempt-"), attemptKey);
        List<StripeFake.RecordedRequest> sent = StripeWorld.requestsWithKey(attemptKey);
        assertEquals(1, sent.size(), sent::toString);
        assertEquals("POST", sent.get(0).method());
        assertEquals("/v1/payment_intents", sent.get(0).path());
        assertEquals(200, sent.get(0).status());
        JsonNode charge = StripeWorld.charge(intent.path("latest_charge").asText());
        assertEquals(35000, charge.path("amount_captured").asLong());

        JsonArray charges = given.charges(id);
        assertEquals(1, charges.size(), charges::toString);
        assertEquals(intent.path("id").asText(), charges.getJsonObject(0).getString("reference"));
        assertEquals(attemptKey, charges.getJsonObject(0).getString("idempotencyKey"));
        assertEquals("succeeded", charges.getJsonObject(0).getString("status"));
        assertEquals("350.00", charges.getJsonObject(0).getJsonObject("amount").getString("amount"));

        // The webhooks of that charge arrive too (maybe before the answer did): they must not pay twice.
        StripeWorld.awaitDelivered(intent.path("id").asText(), "charge.succeeded", "payment_intent.succeeded");
        assertEquals("SUCCEEDED", stripe.payment(id).getString("status"));
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.openBalance(invoices[1]));
        assertEquals("50.00", given.credit(customer));
        stripe.assertMoneyKept(id, customer, invoices);
    }

    @Test
    void a_saved_card_is_charged_off_session_as_the_stripe_customers() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:120.00");
        Api admin = Api.as(deployment, "ADMIN");

        Api.Reply saved = admin.post("/api/v1/customers/" + customer + "/payment-methods",
                "{\"paymentMethod\": {\"type\": \"card\", \"token\": \"pm_card_mastercard\"}}", Fixtures.key());

        assertEquals(201, saved.status(), saved::toString);
        assertEquals("4444", saved.json().getString("last4"));
        assertEquals("mastercard", saved.json().getString("brand").toLowerCase());
        List<JsonNode> stripeCustomers = StripeWorld.matching(fake().customers(),
                c -> String.valueOf(customer).equals(c.path("metadata").path("paydesk_customer_id").asText()));
        assertEquals(1, stripeCustomers.size(), stripeCustomers::toString);
        String stripeCustomer = stripeCustomers.get(0).path("id").asText();
        List<JsonNode> attached = StripeWorld.matching(fake().paymentMethods(),
                m -> stripeCustomer.equals(m.path("customer").asText()));
        assertEquals(1, attached.size(), attached::toString);
        assertEquals("4444", attached.get(0).path("card").path("last4").asText());

        Api.Reply paid = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "120.00", "currency": "USD"},
                 "paymentMethod": {"savedMethodId": %d}}
                """.formatted(customer, id(saved)), Fixtures.key());

        assertEquals(201, paid.status(), paid::toString);
        assertEquals("SUCCEEDED", paid.json().getString("status"));
        long payment = id(paid);
        JsonNode intent = StripeWorld.onlyIntentOf(payment);
        assertEquals(stripeCustomer, intent.path("customer").asText(), "charged as the customer's own method");
        assertEquals("succeeded", intent.path("status").asText());
        StripeFake.RecordedRequest create = StripeWorld.requestsWithKey(
                intent.path("metadata").path("paydesk_attempt_key").asText()).get(0);
        assertTrue(create.body().contains("off_session=true"), create::body);
        assertTrue(create.body().contains("customer=" + stripeCustomer), create::body);
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    /**
     * "Save for future payments" with a PaymentMethod made as Stripe.js makes one ({@code pm_...} of the payer's own,
     * not one of Stripe's shared test ids). Stripe refuses to attach, or to charge again, a PaymentMethod that was
     * first used in a PaymentIntent without a Customer ("The provided PaymentMethod was previously used with a
     * PaymentIntent without Customer attachment ... It may not be used again. To use a PaymentMethod multiple times,
     * you must attach it to a Customer first."); the way to save it while paying is to create the PaymentIntent with
     * the {@code customer} and {@code setup_future_usage=off_session}. The fake does not enforce that rule, so the
     * charge request itself is checked.
     */
    @Test
    void a_method_saved_while_paying_is_given_to_the_stripe_customer_with_the_payment_as_stripe_requires() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00", "2026-02-28:50.00");
        String method = StripeWorld.paymentMethodAsStripeJsMakesIt("tok_visa");

        Api.Reply paid = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "100.00", "currency": "USD"},
                 "paymentMethod": {"type": "card", "token": "%s"}, "savePaymentMethod": true}
                """.formatted(customer, method), Fixtures.key());

        assertEquals(201, paid.status(), paid::toString);
        assertEquals("SUCCEEDED", paid.json().getString("status"));
        JsonArray saved = Api.as(deployment, "CASHIER").get("/api/v1/customers/" + customer + "/payment-methods")
                .jsonArray();
        assertEquals(1, saved.size(), saved::toString);
        assertEquals(method, saved.getJsonObject(0).getString("token"));
        List<JsonNode> stripeCustomers = StripeWorld.matching(fake().customers(),
                c -> String.valueOf(customer).equals(c.path("metadata").path("paydesk_customer_id").asText()));
        assertEquals(1, stripeCustomers.size(), stripeCustomers::toString);
        String stripeCustomer = stripeCustomers.get(0).path("id").asText();
        JsonNode intent = StripeWorld.onlyIntentOf(id(paid));
        StripeFake.RecordedRequest create = StripeWorld.requestsWithKey(
                intent.path("metadata").path("paydesk_attempt_key").asText()).get(0);
        assertEquals(stripeCustomer, intent.path("customer").asText(),
                "the PaymentIntent that saves the method must name the Stripe customer, or Stripe will not let the "
                        + "method be attached after it was used; request: " + create.body());
        assertEquals("off_session", intent.path("setup_future_usage").asText(), create::body);

        Api.Reply again = Api.as(deployment, "CASHIER").post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "50.00", "currency": "USD"},
                 "paymentMethod": {"savedMethodId": %d}}
                """.formatted(customer, saved.getJsonObject(0).getJsonNumber("id").longValue()), Fixtures.key());
        assertEquals(201, again.status(), again::toString);
        assertEquals("SUCCEEDED", again.json().getString("status"));
        assertEquals("0.00", given.openBalance(invoices[1]));
    }

    @Test
    void a_declined_card_is_a_402_with_the_decline_code_a_failed_payment_and_no_invoice_touched() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");

        Api.Reply reply = stripe.pay(customer, "100.00", "card", "pm_card_chargeDeclined");

        assertProblem(reply, 402, "card_declined");
        assertEquals("generic_decline", reply.json().getString("declineCode"));
        JsonObject failed = reply.json().getJsonObject("payment");
        assertEquals("FAILED", failed.getString("status"));
        assertEquals("card_declined", failed.getJsonObject("failure").getString("code"));
        assertEquals("generic_decline", failed.getJsonObject("failure").getString("declineCode"));
        long payment = failed.getJsonNumber("id").longValue();
        JsonNode intent = StripeWorld.onlyIntentOf(payment);
        assertEquals("requires_payment_method", intent.path("status").asText());
        assertEquals("generic_decline", intent.path("last_payment_error").path("decline_code").asText());
        StripeWorld.awaitDelivered(intent.path("id").asText(), "payment_intent.payment_failed");
        assertEquals("FAILED", stripe.payment(payment).getString("status"));
        assertEquals("100.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void an_ach_debit_is_processing_until_the_bank_settles_it_and_then_the_rest_becomes_credit() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");

        Api.Reply reply = stripe.pay(customer, "120.00", "ach", "pm_usBankAccount_success");

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PROCESSING", reply.json().getString("status"));
        long payment = id(reply);
        String intent = reply.json().getString("processorReference");
        assertEquals("processing", StripeWorld.intent(intent).path("status").asText());
        assertEquals("us_bank_account", StripeWorld.intent(intent).path("payment_method_types").path(0).asText());
        assertEquals("0.00", given.openBalance(invoices[0]), "the invoice is reserved while the debit settles");
        assertEquals("0.00", given.credit(customer), "no credit before the money arrived");
        StripeWorld.awaitDelivered(intent, "payment_intent.processing");
        assertEquals("PROCESSING", stripe.payment(payment).getString("status"));

        assertTrue(fake().settle(intent));

        stripe.awaitStatus(payment, "SUCCEEDED", 20);
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("20.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void an_ach_debit_the_bank_refuses_fails_and_releases_its_invoices() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        Api.Reply reply = stripe.pay(customer, "100.00", "ach", "pm_usBankAccount_accountClosed");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PROCESSING", reply.json().getString("status"));
        long payment = id(reply);
        assertEquals("0.00", given.openBalance(invoices[0]));

        assertTrue(fake().settle(reply.json().getString("processorReference")));

        JsonObject failed = stripe.awaitStatus(payment, "FAILED", 20);
        assertEquals("account_closed", failed.getJsonObject("failure").getString("code"));
        assertEquals("100.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void a_card_that_asks_for_3d_secure_is_declined_as_authentication_required_and_touches_no_invoice() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");

        Api.Reply reply = stripe.pay(customer, "100.00", "card", "pm_card_threeDSecure2Required");

        assertProblem(reply, 402, "authentication_required");
        long payment = reply.json().getJsonObject("payment").getJsonNumber("id").longValue();
        assertEquals("FAILED", stripe.payment(payment).getString("status"));
        assertEquals("requires_action", StripeWorld.onlyIntentOf(payment).path("status").asText(),
                "no money moved at Stripe");
        assertEquals("100.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void an_ach_return_after_success_reopens_the_invoices_and_takes_the_credit_back() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply reply = stripe.pay(customer, "150.00", "ach", "pm_usBankAccount_success");
        assertEquals(201, reply.status(), reply::toString);
        long payment = id(reply);
        String intent = reply.json().getString("processorReference");
        assertTrue(fake().settle(intent));
        stripe.awaitStatus(payment, "SUCCEEDED", 20);
        assertEquals("50.00", given.credit(customer));

        fake().achReturn(intent, "debit_not_authorized");

        JsonObject returned = stripe.awaitStatus(payment, "RETURNED", 20);
        assertEquals("debit_not_authorized", returned.getJsonObject("failure").getString("code"));
        assertEquals("0.00", given.credit(customer));
        assertEquals("60.00", given.openBalance(invoices[0]));
        assertEquals("40.00", given.openBalance(invoices[1]));
        assertEquals(0, stripe.held(customer, invoices));
        stripe.assertMoneyKept(payment, customer, invoices);
        assertProblem(stripe.refund(payment, "10.00"), 422, "payment_not_refundable");
        assertEquals(0, StripeWorld.refundsOf(intent).size(), "no refund was asked of Stripe");
    }

    @Test
    void a_partial_then_a_full_refund_take_credit_first_then_the_newest_invoice_as_stripes_refunds_say() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply paid = stripe.pay(customer, "150.00", "card", "pm_card_visa");
        assertEquals(201, paid.status(), paid::toString);
        long payment = id(paid);
        String intent = paid.json().getString("processorReference");
        assertEquals("50.00", given.credit(customer));

        Api.Reply partial = stripe.refund(payment, "70.00");

        assertEquals(201, partial.status(), partial::toString);
        JsonObject first = partial.json();
        assertEquals("SUCCEEDED", first.getString("status"));
        assertEquals("50.00", first.getJsonObject("creditTakenBack").getString("amount"));
        JsonArray reopened = first.getJsonArray("invoicesReopened");
        assertEquals(1, reopened.size(), first::toString);
        assertEquals(invoices[1], reopened.getJsonObject(0).getJsonNumber("receivableId").longValue());
        assertEquals("20.00", reopened.getJsonObject(0).getJsonObject("amount").getString("amount"));
        JsonObject afterPartial = stripe.payment(payment);
        assertEquals("PARTIALLY_REFUNDED", afterPartial.getString("status"));
        assertEquals("70.00", afterPartial.getJsonObject("refunded").getString("amount"));
        assertEquals("0.00", given.credit(customer));
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("20.00", given.openBalance(invoices[1]));
        stripe.assertMoneyKept(payment, customer, invoices);
        List<JsonNode> atStripe = StripeWorld.refundsOf(intent);
        assertEquals(1, atStripe.size(), atStripe::toString);
        assertEquals(7000, atStripe.get(0).path("amount").asLong());
        assertEquals("succeeded", atStripe.get(0).path("status").asText());
        assertEquals(first.getString("processorRefundId"), atStripe.get(0).path("id").asText());

        Api.Reply rest = stripe.refund(payment, null);

        assertEquals(201, rest.status(), rest::toString);
        JsonObject second = rest.json();
        assertEquals("SUCCEEDED", second.getString("status"));
        assertEquals("80.00", second.getJsonObject("amount").getString("amount"));
        assertEquals("0.00", second.getJsonObject("creditTakenBack").getString("amount"));
        JsonArray reopenedAgain = second.getJsonArray("invoicesReopened");
        assertEquals(2, reopenedAgain.size(), second::toString);
        assertEquals(invoices[1], reopenedAgain.getJsonObject(0).getJsonNumber("receivableId").longValue(),
                "the newest invoice first");
        assertEquals("20.00", reopenedAgain.getJsonObject(0).getJsonObject("amount").getString("amount"));
        assertEquals(invoices[0], reopenedAgain.getJsonObject(1).getJsonNumber("receivableId").longValue());
        assertEquals("60.00", reopenedAgain.getJsonObject(1).getJsonObject("amount").getString("amount"));
        JsonObject refunded = stripe.payment(payment);
        assertEquals("REFUNDED", refunded.getString("status"));
        assertEquals("150.00", refunded.getJsonObject("refunded").getString("amount"));
        assertEquals("60.00", given.openBalance(invoices[0]));
        assertEquals("40.00", given.openBalance(invoices[1]));
        assertEquals("0.00", given.credit(customer));
        stripe.assertMoneyKept(payment, customer, invoices);
        atStripe = StripeWorld.refundsOf(intent);
        assertEquals(2, atStripe.size(), atStripe::toString);
        assertEquals(8000, atStripe.get(1).path("amount").asLong());
        assertEquals(second.getString("processorRefundId"), atStripe.get(1).path("id").asText());
        JsonNode charge = StripeWorld.charge(StripeWorld.intent(intent).path("latest_charge").asText());
        assertEquals(15000, charge.path("amount_refunded").asLong());
        assertTrue(charge.path("refunded").asBoolean());
        assertEquals(2, Api.as(deployment, "CASHIER").get("/api/v1/payments/" + payment + "/refunds").jsonArray()
                .size());
        // The refunds' webhooks change nothing more.
        StripeWorld.awaitSent(intent, "refund.created", "charge.refunded");
        assertEquals("REFUNDED", stripe.payment(payment).getString("status"));
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    @Test
    void an_ach_refund_is_pending_until_stripe_settles_it_and_its_webhook_finishes_it() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply paid = stripe.pay(customer, "150.00", "ach", "pm_usBankAccount_success");
        assertEquals(201, paid.status(), paid::toString);
        long payment = id(paid);
        String intent = paid.json().getString("processorReference");
        assertTrue(fake().settle(intent));
        stripe.awaitStatus(payment, "SUCCEEDED", 20);

        Api.Reply reply = stripe.refund(payment, "100.00");

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("PENDING", reply.json().getString("status"));
        assertEquals("50.00", reply.json().getJsonObject("creditTakenBack").getString("amount"));
        assertEquals("PARTIALLY_REFUNDED", stripe.payment(payment).getString("status"));
        stripe.assertMoneyKept(payment, customer, invoices);
        List<JsonNode> atStripe = StripeWorld.refundsOf(intent);
        assertEquals(1, atStripe.size(), atStripe::toString);
        assertEquals("pending", atStripe.get(0).path("status").asText());
        StripeWorld.awaitSent(intent, "refund.created", "charge.refunded");
        assertEquals("PENDING", Api.as(deployment, "CASHIER").get("/api/v1/payments/" + payment + "/refunds")
                .jsonArray().getJsonObject(0).getString("status"), "still pending at Stripe");

        fake().settleAll(); // the bank took the refund: charge.refund.updated

        Api cashier = Api.as(deployment, "CASHIER");
        Instant deadline = Instant.now().plusSeconds(20);
        String status = "PENDING";
        while (!"SUCCEEDED".equals(status) && Instant.now().isBefore(deadline)) {
            StripeWorld.pause(150);
            status = cashier.get("/api/v1/payments/" + payment + "/refunds").jsonArray().getJsonObject(0)
                    .getString("status");
        }
        assertEquals("SUCCEEDED", status);
        JsonObject after = stripe.payment(payment);
        assertEquals("PARTIALLY_REFUNDED", after.getString("status"));
        assertEquals("100.00", after.getJsonObject("refunded").getString("amount"));
        assertEquals("0.00", given.credit(customer));
        assertEquals("10.00", given.openBalance(invoices[0]), "the older invoice last");
        assertEquals("40.00", given.openBalance(invoices[1]), "the newer invoice after the credit");
        stripe.assertMoneyKept(payment, customer, invoices);
    }

    /**
     * Stripe sends {@code refund.created} and {@code charge.refunded} while Paydesk still records its answer to the
     * refund; the webhook then follows the refund (asks Stripe again with the refund's key and records the answer).
     * Whichever records first, the staff member who asked for the refund must get it, not a {@code 409}: the refund
     * was made. The two paths meet by chance (one refund in fifty or so here); 160 refunds of four payments of one
     * customer at once, each waiting in turn for the customer's lock, give them many chances.
     */
    @Test
    void refunds_whose_webhooks_arrive_while_they_are_answered_are_never_refused_as_concurrent_updates()
            throws Exception {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:100.00");
        int payments = 4;
        int refundsEach = 40;
        List<Long> paid = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            Api.Reply reply = stripe.pay(customer, "40.00", "card", "pm_card_visa");
            assertEquals(201, reply.status(), reply::toString);
            paid.add(id(reply));
        }
        assertEquals("60.00", given.credit(customer));

        ExecutorService staff = Executors.newFixedThreadPool(payments);
        List<Future<List<String>>> outcomes = new ArrayList<>();
        try {
            for (long payment : paid) {
                outcomes.add(staff.submit(() -> {
                    List<String> refused = new ArrayList<>();
                    for (int i = 0; i < refundsEach; i++) {
                        Api.Reply reply = stripe.refund(payment, "0.50");
                        if (reply.status() != 201) {
                            refused.add("payment " + payment + ", refund " + (i + 1) + ": " + reply);
                        }
                    }
                    return refused;
                }));
            }
            List<String> refused = new ArrayList<>();
            for (Future<List<String>> outcome : outcomes) {
                refused.addAll(outcome.get(120, TimeUnit.SECONDS));
            }
            StripeWorld.quiet();

            // Money is safe either way: Stripe made every refund, and Paydesk recorded each once.
            for (long payment : paid) {
                JsonObject json = stripe.payment(payment);
                assertEquals("20.00", json.getJsonObject("refunded").getString("amount"), json::toString);
                assertEquals(refundsEach, StripeWorld.refundsOf(json.getString("processorReference")).size());
            }
            // 160.00 paid (100.00 on the invoice, 60.00 credit), 80.00 refunded: 80.00 still held.
            assertEquals(8000, stripe.held(customer, invoices));
            assertEquals("20.00", given.credit(customer), "the two payments that left credit gave back from it");
            assertEquals("40.00", given.openBalance(invoices[0]), "the two that paid the invoice reopened it");
            assertEquals(List.of(), refused, "refunds that were made but answered as failed");
        } finally {
            staff.shutdownNow();
        }
    }

    @Test
    void a_refund_stripe_refuses_is_failed_and_puts_the_money_back_where_it_was() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply paid = stripe.pay(customer, "150.00", "card", "pm_card_visa");
        assertEquals(201, paid.status(), paid::toString);
        long payment = id(paid);
        String intent = paid.json().getString("processorReference");
        // Someone refunds 100.00 in Stripe's dashboard: Paydesk does not import it (ADR 0008), so Stripe has less
        // left to refund than Paydesk thinks.
        StripeWorld.refundInStripesDashboard(intent, 10000);
        StripeWorld.awaitSent(intent, "charge.refunded");

        Api.Reply reply = stripe.refund(payment, null);

        assertEquals(201, reply.status(), reply::toString);
        JsonObject refund = reply.json();
        assertEquals("FAILED", refund.getString("status"), refund::toString);
        assertEquals("amount_too_large", refund.getJsonObject("failure").getString("code"));
        JsonObject after = stripe.payment(payment);
        assertEquals("SUCCEEDED", after.getString("status"), "the one step back a refused refund allows");
        assertEquals("0.00", after.getJsonObject("refunded").getString("amount"));
        assertEquals("50.00", given.credit(customer), "the credit taken for the refund is given back");
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.openBalance(invoices[1]));
        stripe.assertMoneyKept(payment, customer, invoices);
        assertEquals(1, StripeWorld.refundsOf(intent).size(), "only the dashboard's refund exists at Stripe");
    }

    @Test
    void a_dispute_marks_the_payment_disputed_moves_no_money_and_stops_refunds() {
        long customer = given.customer();
        long[] invoices = given.invoices(customer, "2026-01-31:60.00", "2026-02-28:40.00");
        Api.Reply paid = stripe.pay(customer, "150.00", "card", "pm_card_amex");
        assertEquals(201, paid.status(), paid::toString);
        long payment = id(paid);
        String intent = paid.json().getString("processorReference");

        fake().trigger("charge.dispute.created", intent);

        stripe.awaitStatus(payment, "DISPUTED", 20);
        assertEquals("50.00", given.credit(customer), "the money stays where it was until the dispute ends");
        assertEquals("0.00", given.openBalance(invoices[0]));
        assertEquals("0.00", given.openBalance(invoices[1]));
        assertEquals(15000, stripe.held(customer, invoices));
        assertProblem(stripe.refund(payment, "10.00"), 422, "payment_not_refundable");
        assertFalse(StripeWorld.refundsOf(intent).iterator().hasNext(), "no refund was asked of Stripe");
    }
}
