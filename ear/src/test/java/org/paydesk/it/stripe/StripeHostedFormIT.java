package org.paydesk.it.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.hosted.HostedPageClient;
import org.paydesk.it.hosted.PaymentMethodLinks;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;

/**
 * The hosted "add a payment method" form in Stripe mode: the page loads Stripe.js with the publishable key, asks the
 * server for a SetupIntent of the link's customer, and saves the PaymentMethod Stripe.js made; no card number ever
 * reaches Paydesk. (Stripe.js itself cannot run offline: the fake completes the SetupIntent as Stripe.js would.)
 */
@Tag("stripe")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StripeHostedFormIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void the_form_gets_a_setup_intent_for_the_links_customer_and_saves_what_stripe_js_made() {
        StripeWorld stripe = new StripeWorld(deployment);
        stripe.webhooksOn();
        PaymentMethodLinks links = new PaymentMethodLinks(deployment);
        long customerId = links.customerNamed("Stripe Form " + Fixtures.unique("n"));
        PaymentMethodLinks.SentLink sent = links.request(customerId, TestMail.uniqueAddress("stripe-form"));
        HostedPageClient customer = new HostedPageClient(deployment);
        String path = HostedPageClient.pathOf(sent.link());
        String origin = URI.create(deployment.toString()).resolve("/").toString().replaceAll("/$", "");

        HostedPageClient.Page form = customer.get(path);
        assertEquals(200, form.status(), form::toString);
        assertTrue(form.body().contains("data-mode=\"stripe\""), form.body());
        assertTrue(form.body().contains("pk_test_paydesk_it"), "Stripe.js gets the publishable key");
        assertFalse(form.body().contains("sk_test_paydesk_it"), "never the secret key");

        HostedPageClient.Page withoutCsrf = customer.postJson(path + "/setup-intent", null, Map.of());
        assertEquals(403, withoutCsrf.status(), withoutCsrf::toString);
        HostedPageClient.Page setup = customer.postJson(path + "/setup-intent", null,
                Map.of("X-CSRF-Token", form.csrf(), "Origin", origin));

        assertEquals(201, setup.status(), setup::toString);
        String clientSecret = json(setup.body()).getString("clientSecret");
        List<JsonNode> intents = StripeWorld.matching(StripeWorld.fake().setupIntents(),
                intent -> clientSecret.equals(intent.path("client_secret").asText()));
        assertEquals(1, intents.size(), "one SetupIntent holds the secret the page got");
        JsonNode intent = intents.get(0);
        JsonNode stripeCustomer = StripeWorld.fake().customers().stream()
                .filter(c -> c.path("id").asText().equals(intent.path("customer").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the SetupIntent names no known customer: " + intent));
        assertEquals(String.valueOf(customerId), stripeCustomer.path("metadata").path("paydesk_customer_id").asText());

        // What Stripe.js does in the browser once the payer typed the card: confirm the SetupIntent.
        String paymentMethod = StripeWorld.fake().completeSetup(intent.path("id").asText(), "pm_card_mastercard");
        HostedPageClient.Page saved = customer.postForm(path, HostedPageClient.fields("type", "card", "token",
                paymentMethod, "csrf", form.csrf()), Map.of("Origin", origin));

        assertEquals(200, saved.status(), saved::toString);
        JsonArray methods = links.methods(customerId);
        assertEquals(1, methods.size(), methods::toString);
        assertEquals(paymentMethod, methods.getJsonObject(0).getString("token"));
        assertEquals("4444", methods.getJsonObject(0).getString("last4"));
        assertEquals(410, customer.get(path).status(), "the link is spent");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
