package org.paydesk.adapters.processor.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.InvalidProcessorEventException;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEvent.Kind;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.Money;
import org.paydesk.stripefake.StripeFake;

/**
 * Webhooks the fake sends, signed as Stripe signs them, read by the adapter into {@link ProcessorEvent}s with the
 * endpoint's secret; and every request that must be refused.
 */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_paydesk_webhook_test";
    private static final long PAYMENT = 77;

    private final StripeFake fake = StripeFake.start(0);
    private final StripePaymentProcessor stripe = FakeStripe.processor(fake);
    private final StripeWebhooks webhooks = new StripeWebhooks(SECRET);
    private final LinkedBlockingQueue<Map.Entry<String, String>> received = new LinkedBlockingQueue<>();
    private HttpServer endpoint;

    @BeforeEach
    void listen() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/", exchange -> {
            received.add(Map.entry(exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
        fake.webhookEndpoint(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/"), SECRET);
    }

    @AfterEach
    void stop() {
        fake.close();
        endpoint.stop(0);
    }

    // ------------------------------------------------------------------------------------------------ kinds

    @Test
    void an_ach_debit_and_its_return_are_payment_changes_naming_the_intent_and_the_paydesk_payment()
            throws Exception {
        String intent = stripe.charge(charge(PaymentMethodType.ACH, "pm_usBankAccount_success"))
                .processorReference();
        assertPaymentChanged(intent, next("charge.pending"));
        assertPaymentChanged(intent, next("payment_intent.processing"));

        fake.settle(intent);
        assertPaymentChanged(intent, next("charge.succeeded"));
        assertPaymentChanged(intent, next("payment_intent.succeeded"));

        fake.achReturn(intent, "debit_not_authorized");
        assertPaymentChanged(intent, next("charge.failed"));
        assertPaymentChanged(intent, next("payment_intent.payment_failed"));
    }

    @Test
    void a_declined_card_is_a_payment_change_from_the_charge_and_from_the_intent() throws Exception {
        String intent = stripe.charge(charge(PaymentMethodType.CARD, "pm_card_chargeDeclined")).processorReference();

        assertPaymentChanged(intent, next("charge.failed"));
        assertPaymentChanged(intent, next("payment_intent.payment_failed"));
    }

    @Test
    void a_canceled_intent_is_a_payment_change() throws Exception {
        String intent = stripe.charge(charge(PaymentMethodType.ACH, "pm_usBankAccount_processing"))
                .processorReference();

        fake.trigger("payment_intent.canceled", intent);

        assertPaymentChanged(intent, next("payment_intent.canceled"));
    }

    @Test
    void a_refund_is_a_refund_change_of_the_refunded_intent_from_the_charge_and_from_the_refund() throws Exception {
        String intent = stripe.charge(charge(PaymentMethodType.ACH, "pm_usBankAccount_success")).processorReference();
        fake.settle(intent);
        stripe.refund(new RefundRequest(intent, Money.parse("10.00", "USD"), "refund-" + UUID.randomUUID()));

        ProcessorEvent created = next("refund.created");
        ProcessorEvent refunded = next("charge.refunded");
        fake.settleAll();
        ProcessorEvent updated = next("charge.refund.updated");

        for (ProcessorEvent event : new ProcessorEvent[] {created, refunded, updated}) {
            assertEquals(Kind.REFUND_CHANGED, event.kind(), event::toString);
            assertEquals(intent, event.paymentReference(), event::toString);
            assertNull(event.customerId());
            assertNull(event.paymentMethodReference());
        }
    }

    @Test
    void a_dispute_opened_names_the_disputed_intent() throws Exception {
        String intent = stripe.charge(charge(PaymentMethodType.CARD, "pm_card_visa")).processorReference();

        String id = fake.trigger("charge.dispute.created", intent);
        ProcessorEvent disputed = next("charge.dispute.created");

        assertEquals(id, disputed.id());
        assertEquals(Kind.DISPUTE_OPENED, disputed.kind());
        assertEquals(intent, disputed.paymentReference());
    }

    @Test
    void a_completed_setup_names_the_paydesk_customer_and_the_saved_method() throws Exception {
        stripe.startSetup(new CustomerId(808));
        String setup = fake.setupIntents().get(0).path("id").asText();
        String saved = fake.completeSetup(setup, "pm_card_visa");

        ProcessorEvent event = next("setup_intent.succeeded");

        assertEquals(Kind.PAYMENT_METHOD_SAVED, event.kind());
        assertEquals(808L, event.customerId());
        assertEquals(saved, event.paymentMethodReference());
        assertTrue(saved.startsWith("pm_"), saved);
        assertNull(event.paymentReference());
    }

    @Test
    void any_other_event_is_other_and_names_nothing() throws Exception {
        stripe.charge(charge(PaymentMethodType.CARD, "pm_card_visa"));
        stripe.startSetup(new CustomerId(809));

        for (String type : new String[] {"payment_intent.created", "customer.created", "setup_intent.created"}) {
            ProcessorEvent event = next(type);
            assertEquals(new ProcessorEvent(event.id(), type, Kind.OTHER, null, null, null, null), event);
            assertTrue(event.id().startsWith("evt_"), event.id());
        }
    }

    @Test
    void a_charge_without_paydesks_metadata_names_its_intent_and_no_payment() {
        String charge = "{\"id\":\"ch_1\",\"object\":\"charge\",\"status\":\"succeeded\",\"amount\":4200,"
                + "\"payment_intent\":\"pi_without_metadata\",\"metadata\":{}}";
        String foreign = charge.replace("{}", "{\"paydesk_payment_id\":\"not-a-number\"}");

        String withoutPayload = event("charge.succeeded", charge);
        String foreignPayload = event("charge.succeeded", foreign);

        ProcessorEvent none = webhooks.read(withoutPayload, header(withoutPayload));
        ProcessorEvent notANumber = webhooks.read(foreignPayload, header(foreignPayload));

        assertEquals(Kind.PAYMENT_CHANGED, none.kind());
        assertEquals("pi_without_metadata", none.paymentReference());
        assertNull(none.paymentId());
        assertNull(notANumber.paymentId(), "someone else's metadata is no reason to refuse the event");
    }

    // -------------------------------------------------------------------------------------------- refusals

    @Test
    void a_signature_made_with_another_secret_or_over_an_altered_body_is_refused() throws Exception {
        stripe.charge(charge(PaymentMethodType.CARD, "pm_card_visa"));
        Map.Entry<String, String> delivery = nextRaw("payment_intent.succeeded");

        assertRefused(() -> new StripeWebhooks("whsec_other").read(delivery.getValue(), delivery.getKey()));
        assertRefused(() -> webhooks.read(delivery.getValue().replace("4200", "42"), delivery.getKey()));
        assertEquals(Kind.PAYMENT_CHANGED, webhooks.read(delivery.getValue(), delivery.getKey()).kind(),
                "the delivery itself verifies");
    }

    @Test
    void a_signature_older_than_the_tolerance_is_refused_and_one_just_within_it_is_read() {
        String payload = event("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}");
        long signedAt = 1_900_000_000L;
        String header = StripeFake.signatureHeader(SECRET, signedAt, payload);
        StripeWebhooks justWithin = new StripeWebhooks(SECRET, clockAt(signedAt + StripeWebhooks.TOLERANCE_SECONDS
                - 1));
        StripeWebhooks tooLate = new StripeWebhooks(SECRET, clockAt(signedAt + StripeWebhooks.TOLERANCE_SECONDS + 1));

        assertEquals(Kind.OTHER, justWithin.read(payload, header).kind());
        InvalidProcessorEventException old = assertRefused(() -> tooLate.read(payload, header));
        assertTrue(old.getMessage().contains("tolerance"), old.getMessage());
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
        assertRefused(() -> webhooks.read(payload, StripeFake.signatureHeader(SECRET, anHourAgo, payload)));
    }

    @ParameterizedTest(name = "header \"{0}\"")
    @ValueSource(strings = {"", "  ", "t=abc", "v1=deadbeef", "garbage"})
    void a_missing_or_malformed_signature_header_is_refused(String header) {
        String payload = event("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}");

        assertRefused(() -> webhooks.read(payload, header));
    }

    @Test
    void no_signature_header_at_all_is_refused() {
        String payload = event("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}");

        InvalidProcessorEventException refused = assertRefused(() -> webhooks.read(payload, null));

        assertTrue(refused.getMessage().contains("Stripe-Signature"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json at all", "{\"hello\":\"world\"}", "[1,2,3]",
        "{\"id\":\"evt_1\",\"object\":\"charge\",\"type\":\"charge.succeeded\"}",
        "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\"}",
        "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}"})
    void a_correctly_signed_body_that_is_not_a_readable_event_is_refused(String body) {
        assertRefused(() -> webhooks.read(body, header(body)));
    }

    @Test
    void the_processor_reads_with_its_configured_secret_and_refuses_without_one() throws Exception {
        StripePaymentProcessor withSecret = FakeStripe.processor(fake);
        StripePaymentProcessor without = FakeStripe.processor(StripeSettings.of(fake.baseUrl(),
                FakeStripe.SECRET_KEY, null, null, 1_000, 1_000, 0));
        String payload = event("customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}");
        String header = StripeFake.signatureHeader("whsec_paydesk", System.currentTimeMillis() / 1000, payload);

        assertEquals(Kind.OTHER, withSecret.read(payload, header).kind());
        assertRefused(() -> withSecret.read(payload, header(payload)));
        IllegalStateException unconfigured = assertThrows(IllegalStateException.class,
                () -> without.read(payload, header));
        assertTrue(unconfigured.getMessage().contains("paydesk.stripe.webhook-secret"), unconfigured.getMessage());
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static void assertPaymentChanged(String intent, ProcessorEvent event) {
        assertEquals(Kind.PAYMENT_CHANGED, event.kind(), event::toString);
        assertEquals(intent, event.paymentReference(), event::toString);
        assertEquals(PAYMENT, event.paymentId(), event::toString);
        assertTrue(event.id().startsWith("evt_"), event.id());
    }

    /** Refused, with a message that never shows the secret. */
    private static InvalidProcessorEventException assertRefused(Supplier<ProcessorEvent> read) {
        InvalidProcessorEventException refused = assertThrows(InvalidProcessorEventException.class, read::get);
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
        assertFalse(refused.getMessage().contains("whsec_"), refused.getMessage());
        return refused;
    }

    private ProcessorEvent next(String type) throws InterruptedException {
        Map.Entry<String, String> delivery = nextRaw(type);
        ProcessorEvent event = webhooks.read(delivery.getValue(), delivery.getKey());
        assertEquals(type, event.type());
        return event;
    }

    /** The next delivery of this type; deliveries of other types before it are skipped. */
    private Map.Entry<String, String> nextRaw(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Map.Entry<String, String> delivery = received.poll(100, TimeUnit.MILLISECONDS);
            if (delivery != null && delivery.getValue().contains("\"type\":\"" + type + "\"")) {
                return delivery;
            }
        }
        throw new AssertionError("no " + type + " event arrived");
    }

    private static String event(String type, String object) {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"api_version\":\"2022-04-12\",\"created\":1700000000,\"type\":\"" + type + "\","
                + "\"data\":{\"object\":" + object + "}}";
    }

    private static String header(String payload) {
        return StripeFake.signatureHeader(SECRET, System.currentTimeMillis() / 1000, payload);
    }

    private static Clock clockAt(long unixSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }

    private static ChargeRequest charge(PaymentMethodType type, String token) {
        return new ChargeRequest("paydesk-attempt-" + UUID.randomUUID(), new PaymentId(PAYMENT), new CustomerId(1),
                Money.parse("42.00", "USD"), new PaymentMethod(type, token), "Paydesk payment " + PAYMENT);
    }
}
