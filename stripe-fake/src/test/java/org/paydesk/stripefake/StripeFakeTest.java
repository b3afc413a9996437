package org.paydesk.stripefake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own rules: authentication, idempotency, spec validation, faults, ACH settlement, Stripe's fixtures. */
class StripeFakeTest {

    private static final String KEY = "sk_test_fake_unit";

    private final StripeFake fake = StripeFake.start(0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final StripeClient stripe = StripeClient.builder().setApiKey(KEY).setApiBase(fake.baseUrl())
            .setMaxNetworkRetries(0).build();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void an_intent_is_stripes_fixture_adjusted_to_the_request() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(visa(4200, "a"));

        assertEquals("succeeded", intent.getStatus());
        assertEquals(4200L, intent.getAmount());
        assertEquals("usd", intent.getCurrency());
        assertEquals("7", intent.getMetadata().get("paydesk_payment_id"));
        assertTrue(intent.getId().startsWith("pi_"), intent.getId());
        JsonNode held = fake.paymentIntents().get(0);
        assertEquals("automatic", held.path("capture_method").asText(), "a field only the fixture sets");
        assertEquals(intent.getLatestCharge(), fake.charges().get(0).path("id").asText());
    }

    @Test
    void the_same_key_and_parameters_replay_the_first_answer_marked_as_replayed() throws Exception {
        HttpResponse<String> first = post("/v1/payment_intents", FORM, "key-1");
        HttpResponse<String> again = post("/v1/payment_intents", FORM, "key-1");

        assertEquals(200, first.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertTrue(first.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertEquals(1, fake.paymentIntents().size());
        assertEquals(1, fake.charges().size());
    }

    @Test
    void a_declined_answer_is_replayed_too() throws Exception {
        String declined = FORM.replace("pm_card_visa", "pm_card_chargeDeclined");
        HttpResponse<String> first = post("/v1/payment_intents", declined, "key-d");
        HttpResponse<String> again = post("/v1/payment_intents", declined, "key-d");

        assertEquals(402, first.statusCode());
        assertEquals(402, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals(1, fake.paymentIntents().size());
    }

    @Test
    void the_same_key_with_other_parameters_is_an_idempotency_error_and_creates_nothing() throws Exception {
        post("/v1/payment_intents", FORM, "key-2");

        HttpResponse<String> changed = post("/v1/payment_intents", FORM.replace("amount=4200", "amount=4300"),
                "key-2");

        assertEquals(400, changed.statusCode());
        assertEquals("idempotency_error", json.readTree(changed.body()).path("error").path("type").asText());
        assertEquals(1, fake.paymentIntents().size());
        assertThrows(IdempotencyException.class, () -> stripe.v1().paymentIntents().create(visa(4300, "x"),
                RequestOptions.builder().setIdempotencyKey("key-2").build()));
    }

    @Test
    void a_request_with_a_key_still_in_flight_is_refused_with_409() throws Exception {
        fake.processingDelay = Duration.ofMillis(700);
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(request("/v1/payment_intents", FORM,
                "key-3"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(250);

        HttpResponse<String> second = post("/v1/payment_intents", FORM, "key-3");

        assertEquals(409, second.statusCode());
        assertEquals("idempotency_error", json.readTree(second.body()).path("error").path("type").asText());
        assertEquals(200, first.get().statusCode());
        assertEquals(1, fake.paymentIntents().size());
    }

    @Test
    void a_request_refused_by_validation_is_not_saved_so_its_key_may_be_used_again() throws Exception {
        HttpResponse<String> tooSmall = post("/v1/payment_intents", FORM.replace("amount=4200", "amount=10"),
                "key-4");
        HttpResponse<String> fine = post("/v1/payment_intents", FORM, "key-4");

        assertEquals(400, tooSmall.statusCode());
        assertEquals("amount_too_small", json.readTree(tooSmall.body()).path("error").path("code").asText());
        assertEquals(200, fine.statusCode());
    }

    @Test
    void an_unknown_parameter_at_the_top_or_nested_is_refused_as_stripe_would() throws Exception {
        HttpResponse<String> top = post("/v1/payment_intents", FORM + "&amount_in_dollars=42", null);
        HttpResponse<String> nested = post("/v1/payment_intents", FORM
                + "&mandate_data[customer_acceptance][type]=offline&mandate_data[customer_acceptance][bogus]=1", null);
        HttpResponse<String> badEnum = post("/v1/payment_intents", FORM + "&capture_method=later", null);
        HttpResponse<String> badInteger = post("/v1/payment_intents", FORM.replace("amount=4200", "amount=42.00"),
                null);

        for (HttpResponse<String> refused : List.of(top, nested, badEnum, badInteger)) {
            assertEquals(400, refused.statusCode(), refused::body);
            assertEquals("invalid_request_error", json.readTree(refused.body()).path("error").path("type").asText());
        }
        assertTrue(json.readTree(top.body()).path("error").path("message").asText().contains("amount_in_dollars"));
        assertTrue(json.readTree(nested.body()).path("error").path("message").asText()
                .contains("mandate_data[customer_acceptance][bogus]"));
        assertTrue(fake.paymentIntents().isEmpty());
    }

    @Test
    void an_unknown_path_or_a_missing_required_parameter_is_refused() throws Exception {
        HttpResponse<String> path = post("/v1/payment_intentions", FORM, null);
        HttpResponse<String> missing = post("/v1/payment_intents", "currency=usd", null);

        assertEquals(404, path.statusCode());
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("amount"), missing.body());
    }

    @Test
    void only_a_test_secret_key_is_accepted_and_a_wrong_one_is_not_echoed() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/customers"))
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/customers"))
                .header("Authorization", "Bearer sk_live_secretvalue123")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, none.statusCode());
        assertEquals(401, live.statusCode());
        assertFalse(live.body().contains("secretvalue123"), live.body());
    }

    @Test
    void injected_failures_answer_before_anything_is_done_then_requests_succeed_again() throws Exception {
        fake.failNext(2, 503);

        HttpResponse<String> first = post("/v1/payment_intents", FORM, "key-5");
        HttpResponse<String> second = post("/v1/payment_intents", FORM, "key-5");
        HttpResponse<String> third = post("/v1/payment_intents", FORM, "key-5");

        assertEquals(503, first.statusCode());
        assertEquals(503, second.statusCode());
        assertEquals(200, third.statusCode());
        assertEquals(1, fake.paymentIntents().size());
    }

    @Test
    void a_charge_that_times_out_is_made_and_its_answer_is_saved_for_the_key() throws Exception {
        fake.timeoutAfterChargeNext(1);
        fake.holdConnectionsFor(Duration.ofSeconds(5));
        StripeClient impatient = StripeClient.builder().setApiKey(KEY).setApiBase(fake.baseUrl())
                .setReadTimeout(300).setMaxNetworkRetries(0).build();

        assertThrows(com.stripe.exception.ApiConnectionException.class, () -> impatient.v1().paymentIntents()
                .create(visa(4200, "t"), RequestOptions.builder().setIdempotencyKey("key-6").build()));
        PaymentIntent again = stripe.v1().paymentIntents().create(visa(4200, "t"),
                RequestOptions.builder().setIdempotencyKey("key-6").build());

        assertEquals("succeeded", again.getStatus());
        assertEquals(1, fake.paymentIntents().size());
        assertEquals(again.getId(), fake.paymentIntents().get(0).path("id").asText());
    }

    @Test
    void a_decline_carries_stripes_codes_and_the_intent() {
        CardException declined = assertThrows(CardException.class, () -> stripe.v1().paymentIntents().create(
                PaymentIntentCreateParams.builder().setAmount(4200L).setCurrency("usd").setConfirm(true)
                        .setPaymentMethod("pm_card_visa_chargeDeclinedInsufficientFunds").addPaymentMethodType("card")
                        .build()));

        assertEquals("card_declined", declined.getCode());
        assertEquals("insufficient_funds", declined.getDeclineCode());
        assertEquals("requires_payment_method", declined.getStripeError().getPaymentIntent().getStatus());
    }

    @Test
    void an_ach_debit_is_processing_until_settled_and_failing_accounts_fail() throws Exception {
        PaymentIntent good = stripe.v1().paymentIntents().create(ach("pm_usBankAccount_success"));
        PaymentIntent closed = stripe.v1().paymentIntents().create(ach("pm_usBankAccount_accountClosed"));

        assertEquals("processing", good.getStatus());
        assertEquals("processing", closed.getStatus());
        assertEquals(2, fake.settleAll());
        assertEquals("succeeded", stripe.v1().paymentIntents().retrieve(good.getId()).getStatus());
        PaymentIntent failed = stripe.v1().paymentIntents().retrieve(closed.getId());
        assertEquals("requires_payment_method", failed.getStatus());
        assertEquals("account_closed", failed.getLastPaymentError().getCode());
    }

    @Test
    void ach_debits_settle_by_themselves_after_the_configured_delay() throws Exception {
        fake.settleAchAfter(Duration.ofMillis(200));
        PaymentIntent debit = stripe.v1().paymentIntents().create(ach("pm_usBankAccount_success"));
        PaymentIntent never = stripe.v1().paymentIntents().create(ach("pm_usBankAccount_processing"));

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"succeeded".equals(stripe.v1().paymentIntents().retrieve(debit.getId()).getStatus())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertEquals("succeeded", stripe.v1().paymentIntents().retrieve(debit.getId()).getStatus());
        assertEquals("processing", stripe.v1().paymentIntents().retrieve(never.getId()).getStatus());
    }

    @Test
    void refunds_never_exceed_the_charge_and_ach_refunds_wait_to_settle() throws Exception {
        PaymentIntent card = stripe.v1().paymentIntents().create(visa(4200, "r"));
        PaymentIntent debit = stripe.v1().paymentIntents().create(ach("pm_usBankAccount_success"));
        fake.settle(debit.getId());

        var partial = stripe.v1().refunds().create(com.stripe.param.RefundCreateParams.builder()
                .setPaymentIntent(card.getId()).setAmount(4000L).build());
        InvalidRequestException tooMuch = assertThrows(InvalidRequestException.class, () -> stripe.v1().refunds()
                .create(com.stripe.param.RefundCreateParams.builder().setPaymentIntent(card.getId())
                        .setAmount(201L).build()));
        var rest = stripe.v1().refunds().create(com.stripe.param.RefundCreateParams.builder()
                .setPaymentIntent(card.getId()).build());
        var bank = stripe.v1().refunds().create(com.stripe.param.RefundCreateParams.builder()
                .setPaymentIntent(debit.getId()).build());

        assertEquals("succeeded", partial.getStatus());
        assertEquals("amount_too_large", tooMuch.getCode());
        assertEquals(200L, rest.getAmount());
        assertEquals("pending", bank.getStatus());
        fake.settleAll();
        assertEquals("succeeded", stripe.v1().refunds().retrieve(bank.getId()).getStatus());
        assertEquals(3, fake.refunds().size());
    }

    @Test
    void basic_authentication_with_the_key_as_user_is_accepted_as_at_stripe() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((KEY + ":").getBytes());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/customers"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("description=x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer::body);
    }

    @Test
    void reset_forgets_objects_keys_and_faults() throws Exception {
        post("/v1/payment_intents", FORM, "key-r");
        fake.failNext(5, 500);

        fake.reset();

        assertTrue(fake.paymentIntents().isEmpty());
        assertTrue(fake.requests().isEmpty());
        HttpResponse<String> again = post("/v1/payment_intents", FORM.replace("4200", "4300"), "key-r");
        assertEquals(200, again.statusCode(), "the key was forgotten, and no failure is pending");
    }

    @Test
    void an_ach_debit_without_a_mandate_is_refused() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> stripe.v1()
                .paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(4200L).setCurrency("usd")
                        .setConfirm(true).setPaymentMethod("pm_usBankAccount_success")
                        .addPaymentMethodType("us_bank_account").build()));

        assertEquals("mandate_data", refused.getStripeError().getParam());
    }

    @Test
    void a_wallet_id_is_a_card_marked_with_its_wallet() throws Exception {
        PaymentIntent paid = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(4200L).setCurrency("usd").setConfirm(true).setPaymentMethod("pm_googlepay_visa")
                .addPaymentMethodType("card").build());

        assertEquals("succeeded", paid.getStatus());
        assertEquals("google_pay", stripe.v1().paymentMethods().retrieve("pm_googlepay_visa").getCard().getWallet()
                .getType());
        assertNull(stripe.v1().paymentMethods().retrieve("pm_card_visa").getCard().getWallet());
    }

    @Test
    void search_finds_intents_by_metadata_only() throws Exception {
        stripe.v1().paymentIntents().create(visa(4200, "s1"));
        stripe.v1().paymentIntents().create(visa(4200, "s2"));

        var found = stripe.v1().paymentIntents().search(com.stripe.param.PaymentIntentSearchParams.builder()
                .setQuery("metadata['paydesk_payment_id']:'7' AND metadata['attempt']:'s2'").build());

        assertEquals(1, found.getData().size());
        assertNotEquals(fake.paymentIntents().get(0).path("id").asText(), found.getData().get(0).getId());
    }

    @Test
    void expand_replaces_the_latest_charge_id_by_the_charge_on_retrieve_and_in_a_search() throws Exception {
        PaymentIntent paid = stripe.v1().paymentIntents().create(visa(4200, "x1"));

        PaymentIntent plain = stripe.v1().paymentIntents().retrieve(paid.getId());
        PaymentIntent expanded = stripe.v1().paymentIntents().retrieve(paid.getId(),
                com.stripe.param.PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
        var found = stripe.v1().paymentIntents().search(com.stripe.param.PaymentIntentSearchParams.builder()
                .setQuery("metadata['attempt']:'x1'").addExpand("data.latest_charge").build());

        assertNull(plain.getLatestChargeObject());
        assertEquals(paid.getLatestCharge(), expanded.getLatestChargeObject().getId());
        assertEquals("succeeded", expanded.getLatestChargeObject().getStatus());
        assertEquals(4200L, expanded.getLatestChargeObject().getAmountCaptured());
        assertEquals(paid.getLatestCharge(), found.getData().get(0).getLatestChargeObject().getId());
        assertTrue(fake.paymentIntents().get(0).path("latest_charge").isTextual(), "what the fake holds is unchanged");
    }

    @Test
    void a_property_that_names_no_object_cannot_be_expanded() throws Exception {
        PaymentIntent paid = stripe.v1().paymentIntents().create(visa(4200, "x2"));

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> stripe.v1().paymentIntents().retrieve(paid.getId(), com.stripe.param.PaymentIntentRetrieveParams
                        .builder().addExpand("status").build()));

        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getMessage().contains("cannot be expanded (status)"), refused.getMessage());
    }

    @Test
    void an_ach_return_keeps_what_was_collected_while_a_debit_that_never_settled_collected_nothing()
            throws Exception {
        PaymentIntent returned = stripe.v1().paymentIntents().create(ach("pm_usBankAccount_success"));
        PaymentIntent closed = stripe.v1().paymentIntents().create(ach("pm_usBankAccount_accountClosed"));
        fake.settleAll();

        fake.achReturn(returned.getId(), "debit_not_authorized");

        com.stripe.param.PaymentIntentRetrieveParams withCharge = com.stripe.param.PaymentIntentRetrieveParams
                .builder().addExpand("latest_charge").build();
        PaymentIntent afterReturn = stripe.v1().paymentIntents().retrieve(returned.getId(), withCharge);
        PaymentIntent neverSettled = stripe.v1().paymentIntents().retrieve(closed.getId(), withCharge);
        assertEquals("requires_payment_method", afterReturn.getStatus());
        assertEquals(4200L, afterReturn.getAmountReceived());
        assertEquals("failed", afterReturn.getLatestChargeObject().getStatus());
        assertEquals("debit_not_authorized", afterReturn.getLatestChargeObject().getFailureCode());
        assertEquals(4200L, afterReturn.getLatestChargeObject().getAmountCaptured());
        assertEquals("requires_payment_method", neverSettled.getStatus());
        assertEquals(0L, neverSettled.getAmountReceived());
        assertEquals(0L, neverSettled.getLatestChargeObject().getAmountCaptured());
    }

    private static final String FORM = "amount=4200&currency=usd&confirm=true&payment_method=pm_card_visa"
            + "&payment_method_types[0]=card&metadata[paydesk_payment_id]=7";

    private static PaymentIntentCreateParams visa(long amount, String attempt) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd").setConfirm(true)
                .setPaymentMethod("pm_card_visa").addPaymentMethodType("card")
                .putMetadata("paydesk_payment_id", "7").putMetadata("attempt", attempt).build();
    }

    private static PaymentIntentCreateParams ach(String method) {
        return PaymentIntentCreateParams.builder().setAmount(4200L).setCurrency("usd").setConfirm(true)
                .setPaymentMethod(method).addPaymentMethodType("us_bank_account")
                .setMandateData(PaymentIntentCreateParams.MandateData.builder().setCustomerAcceptance(
                        PaymentIntentCreateParams.MandateData.CustomerAcceptance.builder()
                                .setType(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Type.OFFLINE)
                                .setOffline(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Offline.builder()
                                        .build()).build()).build())
                .build();
    }

    private HttpResponse<String> post(String path, String form, String key) throws IOException, InterruptedException {
        return http.send(request(path, form, key), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String form, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.replace("[", "%5B").replace("]", "%5D")));
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return builder.build();
    }
}
