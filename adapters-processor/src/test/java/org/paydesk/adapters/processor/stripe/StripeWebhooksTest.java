package org.paydesk.adapters.processor.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.refund.port.out.RefundRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;
import org.paydesk.stripefake.StripeFake;

/** Webhooks the fake sends, as Stripe signs them, read by the adapter with the endpoint's secret. */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_paydesk_webhook_test";

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

    @Test
    void an_ach_debit_reports_processing_then_succeeded_and_a_return_as_declined() throws Exception {
        PaymentOutcome processing = stripe.charge(charge(PaymentMethodType.ACH, "pm_usBankAccount_success"));
        String intent = processing.processorReference();

        assertEquals(new PaymentOutcome.Processing(intent), next("payment_intent.processing").outcome());
        fake.settle(intent);
        assertEquals(new PaymentOutcome.Succeeded(intent), next("payment_intent.succeeded").outcome());
        fake.achReturn(intent, "debit_not_authorized");
        StripeWebhookEvent chargeFailed = next("charge.failed");
        StripeWebhookEvent paymentFailed = next("payment_intent.payment_failed");

        assertEquals(intent, chargeFailed.paymentReference());
        assertEquals("debit_not_authorized",
                assertInstanceOf(PaymentOutcome.Declined.class, chargeFailed.outcome()).failure().code());
        assertEquals("debit_not_authorized",
                assertInstanceOf(PaymentOutcome.Declined.class, paymentFailed.outcome()).failure().code());
    }

    @Test
    void a_refund_and_a_dispute_name_the_payment_and_the_amount() throws Exception {
        String intent = stripe.charge(charge(PaymentMethodType.CARD, "pm_card_visa")).processorReference();
        stripe.refund(new RefundRequest(intent, Money.parse("10.00", "USD"), "refund-" + UUID.randomUUID()));

        StripeWebhookEvent refunded = next("charge.refunded");
        fake.trigger("charge.dispute.created", intent);
        StripeWebhookEvent disputed = next("charge.dispute.created");

        assertEquals(intent, refunded.paymentReference());
        assertEquals(1000L, refunded.amountMinor());
        assertNull(refunded.outcome());
        assertEquals(intent, disputed.paymentReference());
        assertEquals(4200L, disputed.amountMinor());
    }

    @Test
    void a_completed_setup_names_the_paydesk_customer_and_the_saved_method() throws Exception {
        stripe.startSetup(new CustomerId(808));
        String setup = fake.setupIntents().get(0).path("id").asText();
        String saved = fake.completeSetup(setup, "pm_card_visa");

        StripeWebhookEvent event = next("setup_intent.succeeded");

        assertEquals("808", event.paydeskCustomerId());
        assertEquals(saved, event.paymentMethod());
    }

    @Test
    void a_wrong_secret_an_altered_body_or_an_old_signature_is_refused() throws Exception {
        stripe.charge(charge(PaymentMethodType.CARD, "pm_card_visa"));
        Map.Entry<String, String> delivery = nextRaw("payment_intent.succeeded");
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;

        assertThrows(IllegalArgumentException.class,
                () -> new StripeWebhooks("whsec_other").read(delivery.getValue(), delivery.getKey()));
        assertThrows(IllegalArgumentException.class,
                () -> webhooks.read(delivery.getValue().replace("4200", "42"), delivery.getKey()));
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class, () -> webhooks.read(
                delivery.getValue(), StripeFake.signatureHeader(SECRET, anHourAgo, delivery.getValue())));
        assertFalse(old.getMessage().contains(SECRET), old.getMessage());
        assertTrue(webhooks.read(delivery.getValue(), delivery.getKey()).outcome() instanceof PaymentOutcome.Succeeded);
    }

    private StripeWebhookEvent next(String type) throws InterruptedException {
        Map.Entry<String, String> delivery = nextRaw(type);
        StripeWebhookEvent event = webhooks.read(delivery.getValue(), delivery.getKey());
        assertEquals(type, event.type());
        return event;
    }

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

    private static ChargeRequest charge(PaymentMethodType type, String token) {
        return new ChargeRequest("paydesk-attempt-" + UUID.randomUUID(), new PaymentId(77), new CustomerId(1),
                Money.parse("42.00", "USD"), new PaymentMethod(type, token), "Paydesk payment 77");
    }
}
