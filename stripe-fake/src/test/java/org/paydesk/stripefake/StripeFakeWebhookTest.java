package org.paydesk.stripefake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events the fake sends, signed as Stripe signs them, verified with stripe-java's own {@link Webhook}. */
class StripeFakeWebhookTest {

    private static final String SECRET = "whsec_fake_unit_test_secret";

    private final StripeFake fake = StripeFake.start(0);
    private final StripeClient stripe = StripeClient.builder().setApiKey("sk_test_hooks").setApiBase(fake.baseUrl())
            .setMaxNetworkRetries(0).build();
    private final LinkedBlockingQueue<Map.Entry<String, String>> received = new LinkedBlockingQueue<>();
    private HttpServer endpoint;

    @BeforeEach
    void listen() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/webhooks/stripe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.entry(exchange.getRequestHeaders().getFirst("Stripe-Signature"), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
        fake.webhookEndpoint(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhooks/stripe"),
                SECRET);
    }

    @AfterEach
    void stop() {
        fake.close();
        endpoint.stop(0);
    }

    @Test
    void a_successful_charge_sends_payment_intent_succeeded_verifiable_with_the_secret() throws Exception {
        PaymentIntent paid = stripe.v1().paymentIntents().create(visa());

        Event event = next("payment_intent.succeeded");

        assertEquals(paid.getId(), ((PaymentIntent) event.getDataObjectDeserializer().deserializeUnsafe()).getId());
    }

    @Test
    void a_signature_made_with_another_secret_or_an_altered_body_is_refused_by_stripe_java() throws Exception {
        stripe.v1().paymentIntents().create(visa());
        Map.Entry<String, String> delivery = nextRaw("payment_intent.succeeded");

        assertThrows(SignatureVerificationException.class,
                () -> Webhook.constructEvent(delivery.getValue(), delivery.getKey(), "whsec_another"));
        assertThrows(SignatureVerificationException.class,
                () -> Webhook.constructEvent(delivery.getValue().replace("succeeded", "failed"), delivery.getKey(),
                        SECRET));
    }

    @Test
    void ach_debits_send_processing_then_succeeded_and_a_return_sends_charge_failed_and_payment_failed()
            throws Exception {
        PaymentIntent debit = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(5000L).setCurrency("usd").setConfirm(true).setPaymentMethod("pm_usBankAccount_success")
                .addPaymentMethodType("us_bank_account")
                .setMandateData(PaymentIntentCreateParams.MandateData.builder().setCustomerAcceptance(
                        PaymentIntentCreateParams.MandateData.CustomerAcceptance.builder()
                                .setType(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Type.OFFLINE)
                                .setOffline(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Offline.builder()
                                        .build()).build()).build()).build());
        next("payment_intent.processing");
        fake.settle(debit.getId());
        next("payment_intent.succeeded");

        fake.achReturn(debit.getId(), "debit_not_authorized");

        Event chargeFailed = next("charge.failed");
        Event paymentFailed = next("payment_intent.payment_failed");
        assertEquals("charge.failed", chargeFailed.getType());
        PaymentIntent returned = (PaymentIntent) paymentFailed.getDataObjectDeserializer().deserializeUnsafe();
        assertEquals("debit_not_authorized", returned.getLastPaymentError().getCode());
    }

    @Test
    void refunds_disputes_and_setups_send_their_events() throws Exception {
        PaymentIntent paid = stripe.v1().paymentIntents().create(visa());
        stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(100L)
                .build());
        next("charge.refunded");

        String dispute = fake.trigger("charge.dispute.created", paid.getId());
        assertEquals(dispute, next("charge.dispute.created").getId());

        String customer = stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
        SetupIntent setup = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customer).addPaymentMethodType("card").build());
        String saved = fake.completeSetup(setup.getId(), "pm_card_visa");
        Event succeeded = next("setup_intent.succeeded");
        SetupIntent done = (SetupIntent) succeeded.getDataObjectDeserializer().deserializeUnsafe();
        assertEquals(saved, done.getPaymentMethod());
        assertEquals(customer, stripe.v1().paymentMethods().retrieve(saved).getCustomer());
        assertTrue(fake.webhookDeliveries().stream().allMatch(d -> d.status() == 200),
                fake.webhookDeliveries()::toString);
    }

    @Test
    void the_signature_header_has_stripes_shape() {
        String header = StripeFake.signatureHeader("whsec_x", 1_700_000_000L, "{}");

        assertTrue(header.matches("t=1700000000,v1=[0-9a-f]{64}"), header);
    }

    private Event next(String type) throws Exception {
        Map.Entry<String, String> delivery = nextRaw(type);
        Event event = Webhook.constructEvent(delivery.getValue(), delivery.getKey(), SECRET);
        assertEquals(type, event.getType());
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

    private static PaymentIntentCreateParams visa() {
        return PaymentIntentCreateParams.builder().setAmount(4200L).setCurrency("usd").setConfirm(true)
                .setPaymentMethod("pm_card_visa").addPaymentMethodType("card").build();
    }
}
