package org.paydesk.it.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.it.hosted.HostedPageClient.fields;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.hosted.HostedPageClient.Page;
import org.paydesk.it.hosted.PaymentMethodLinks.SentLink;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;
import org.paydesk.it.support.TestUsers;

/**
 * The hosted "add a payment method" page over plain HTTP, as a customer's browser would use it: what it shows,
 * the headers it sends, CSRF, the sandbox flow (tokens endpoint, then the form post), and the one 410 page for
 * every link that can no longer be used. The real browser, with the page's script, is {@link BrowserPaymentMethodIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostedPaymentMethodFormIT {

    static final String CSP = "default-src 'none'; script-src 'self' https://js.stripe.com; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self' https://api.stripe.com; "
            + "frame-src https://js.stripe.com https://hooks.stripe.com; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    /** The wrong-secret limit the test server runs with ({@code -Dpaydesk.hosted.wrong-secret-limit} in arquillian.xml). */
    static final int WRONG_SECRET_LIMIT = 30;
    static final String GONE_TEXT = "please ask the company that sent it for a new one";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private PaymentMethodLinks links;
    private HostedPageClient customer;
    private String customerName;
    private long customerId;

    @BeforeEach
    void aCustomer() {
        links = new PaymentMethodLinks(deployment);
        customer = new HostedPageClient(deployment);
        // Characters that mean something in HTML, so the page has to escape the name to show it.
        customerName = "Brennan & O'Neil <Tools> " + Fixtures.unique("n");
        customerId = links.customerNamed(customerName);
    }

    @AfterEach
    void resetTheClock() {
        links.resetClock();
    }

    @Test
    void the_page_shows_whose_request_it_is_and_sends_a_strict_content_security_policy() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("shows"));

        Page page = customer.get(HostedPageClient.pathOf(sent.link()));

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page::toString);
        assertTrue(page.body().contains(escaped(customerName)), "the customer's name, escaped: " + page.body());
        assertFalse(page.body().contains("<Tools>"), "the name is never inserted as markup");
        assertTrue(page.body().contains(TestUsers.user("CASHIER")), "who asked: " + page.body());
        assertTrue(page.body().contains("<time datetime=\""), "until when the link works: " + page.body());
        assertTrue(page.body().contains("id=\"payment-method-form\""), page.body());
        assertTrue(page.body().contains("data-mode=\"sandbox\""), page.body());
        assertFalse(page.body().contains("js.stripe.com"), "sandbox mode loads no Stripe.js");
        assertFalse(page.body().contains("<script>") || page.body().contains("style="), "no inline script or style");
        assertSecurityHeaders(page);
        HttpCookie csrf = customer.csrfCookie().orElseThrow(() -> new AssertionError("no pd_csrf cookie"));
        assertTrue(csrf.isHttpOnly());
        assertEquals("/pay", csrf.getPath());
        String setCookie = page.header("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("SameSite=Strict") && setCookie.contains("HttpOnly"), setCookie);
        assertEquals(csrf.getValue(), page.csrf(), "the page carries the cookie's token for its script and form");
    }

    @Test
    void the_static_assets_are_served_with_the_same_headers() {
        Page script = customer.get("/pay/assets/payment-method.js");
        Page style = customer.get("/pay/assets/pay.css");

        assertEquals(200, script.status());
        assertEquals(200, style.status());
        assertSecurityHeaders(script);
        assertSecurityHeaders(style);
    }

    @Test
    void opening_the_page_changes_nothing_until_its_script_reports_it_was_opened() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("opened"));
        String path = HostedPageClient.pathOf(sent.link());

        Page first = customer.get(path);
        Page second = customer.get(path);

        assertEquals(200, first.status(), first::toString);
        assertEquals(200, second.status(), second::toString);
        assertEquals("SENT", links.status(sent), "a GET never changes state");

        Page beacon = customer.postJson(path + "/opened", null, Map.of("X-CSRF-Token", second.csrf()));

        assertEquals(204, beacon.status(), beacon::toString);
        assertEquals("OPENED", links.status(sent));
        assertSecurityHeaders(beacon);
    }

    @Test
    void a_post_without_the_csrf_token_or_from_another_origin_is_refused() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("csrf"));
        String path = HostedPageClient.pathOf(sent.link());
        String csrf = customer.get(path).csrf();
        String token = tokenize(path, csrf, cardJson("4242424242424242")).getString("token");

        Page withoutToken = customer.postForm(path, fields("type", "card", "token", token), Map.of());
        Page wrongToken = customer.postForm(path, fields("type", "card", "token", token, "csrf", "x" + csrf),
                Map.of());
        Page foreignOrigin = customer.postForm(path, fields("type", "card", "token", token, "csrf", csrf),
                Map.of("Origin", "https://attacker.example"));
        Page crossSite = customer.postForm(path, fields("type", "card", "token", token, "csrf", csrf),
                Map.of("Sec-Fetch-Site", "cross-site"));
        Page withoutCookie = new HostedPageClient(deployment).postForm(path,
                fields("type", "card", "token", token, "csrf", csrf), Map.of());
        Page tokensWithoutHeader = customer.postJson(path + "/tokens", cardJson("4242424242424242"), Map.of());
        Page beaconWithoutHeader = customer.postJson(path + "/opened", null, Map.of());

        for (Page refused : new Page[] {withoutToken, wrongToken, foreignOrigin, crossSite, withoutCookie,
            tokensWithoutHeader, beaconWithoutHeader}) {
            assertEquals(403, refused.status(), refused::toString);
            assertSecurityHeaders(refused);
        }
        assertTrue(withoutToken.body().contains("This form could not be sent"), withoutToken.body());
        assertFalse(withoutToken.body().contains(escaped(customerName)));
        assertEquals("SENT", links.status(sent), "nothing was saved and the link still works");
        assertEquals(0, links.methods(customerId).size());
        assertEquals(200, customer.get(path).status());
    }

    @Test
    void a_card_entered_in_the_sandbox_form_is_saved_on_the_customer_and_spends_the_link() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("card"));
        String path = HostedPageClient.pathOf(sent.link());
        Page form = customer.get(path);
        String csrf = form.csrf();
        String origin = URI.create(deployment.toString()).resolve("/").toString().replaceAll("/$", "");

        Page tokens = customer.postJson(path + "/tokens", cardJson("4242424242424242"),
                Map.of("X-CSRF-Token", csrf, "Origin", origin));

        assertEquals(201, tokens.status(), tokens::toString);
        JsonObject tokenized = json(tokens.body());
        assertTrue(tokenized.getString("token").startsWith("pm_"), tokens.body());
        assertEquals("4242", tokenized.getString("last4"));
        assertEquals("visa", tokenized.getString("brand"));
        assertFalse(tokens.body().contains("4242424242424242"), "only the token and display facts come back");

        Page saved = customer.postForm(path, fields("type", "card", "token", tokenized.getString("token"), "csrf",
                csrf), Map.of("Origin", origin));

        assertEquals(200, saved.status(), saved::toString);
        assertTrue(saved.body().contains("Thank you, your card ending 4242 is saved"), saved.body());
        assertSecurityHeaders(saved);
        JsonArray methods = links.methods(customerId);
        assertEquals(1, methods.size(), methods::toString);
        assertEquals("4242", methods.getJsonObject(0).getString("last4"));
        assertEquals("COMPLETED", links.status(sent));

        Page again = customer.get(path);
        assertEquals(410, again.status(), again::toString);
        assertTrue(again.body().contains(GONE_TEXT), again.body());
        assertFalse(again.body().contains(escaped(customerName)) || again.body().contains("Brennan"),
                "a spent link shows nothing of the customer");
        assertSecurityHeaders(again);
        Page secondSubmit = customer.postForm(path, fields("type", "card", "token", tokenized.getString("token"),
                "csrf", csrf), Map.of());
        assertEquals(410, secondSubmit.status(), "the link works once");
        assertEquals(1, links.methods(customerId).size());

        Page unknown = customer.get("/pay/methods/" + randomSecret());
        assertEquals(410, unknown.status(), unknown::toString);
        assertEquals(again.body(), unknown.body(), "an unknown link and a spent one look the same");
    }

    @Test
    void a_us_bank_account_can_be_added_the_same_way() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("ach"));
        String path = HostedPageClient.pathOf(sent.link());
        String csrf = customer.get(path).csrf();

        JsonObject tokenized = tokenize(path, csrf, """
                {"type": "ach", "bankAccount": {"routingNumber": "110000000", "accountNumber": "000123456789",
                 "holderName": "Brennan Tools"}}""");
        Page saved = customer.postForm(path, fields("type", "ach", "token", tokenized.getString("token"), "csrf",
                csrf), Map.of());

        assertEquals(200, saved.status(), saved::toString);
        assertTrue(saved.body().contains("Thank you, your bank account ending 6789 is saved"), saved.body());
        JsonObject method = links.methods(customerId).getJsonObject(0);
        assertEquals("6789", method.getString("last4"));
        assertFalse(saved.body().contains("000123456789"));
    }

    @Test
    void details_the_sandbox_refuses_are_reported_on_their_field_and_a_refused_token_shows_the_form_again() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("refused"));
        String path = HostedPageClient.pathOf(sent.link());
        String csrf = customer.get(path).csrf();

        Page notATestCard = customer.postJson(path + "/tokens", cardJson("4111111111111111"),
                Map.of("X-CSRF-Token", csrf));
        Page missingCvc = customer.postJson(path + "/tokens",
                "{\"type\": \"card\", \"card\": {\"number\": \"4242424242424242\", \"expMonth\": 12, "
                        + "\"expYear\": 2034}}", Map.of("X-CSRF-Token", csrf));
        Page bogusToken = customer.postForm(path, fields("type", "card", "token", "pm_never_issued", "csrf", csrf),
                Map.of());
        Page noToken = customer.postForm(path, fields("type", "card", "token", "", "csrf", csrf), Map.of());

        assertEquals(422, notATestCard.status(), notATestCard::toString);
        JsonObject problem = json(notATestCard.body());
        assertEquals("not_a_test_card", problem.getString("code"));
        assertEquals("card.number", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertFalse(notATestCard.body().contains("4111111111111111"), "the number is never echoed");
        assertEquals(422, missingCvc.status(), missingCvc::toString);
        assertEquals("card.cvc", json(missingCvc.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        for (Page again : new Page[] {bogusToken, noToken}) {
            assertEquals(422, again.status(), again::toString);
            assertTrue(again.body().contains("id=\"payment-method-form\""), "the form again: " + again.body());
            assertTrue(again.body().contains("id=\"server-error\""), "with the error: " + again.body());
            assertTrue(again.body().contains(escaped(customerName)));
        }
        assertEquals("SENT", links.status(sent), "the link still works");
        assertEquals(0, links.methods(customerId).size());
    }

    @Test
    void a_revoked_link_is_gone_with_the_same_page() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("revoked"));
        String path = HostedPageClient.pathOf(sent.link());
        String csrf = customer.get(path).csrf();

        var revoked = links.revoke(sent);
        assertEquals(2, revoked.status() / 100, () -> "revoked by staff: " + revoked);

        Page page = customer.get(path);
        Page tokens = customer.postJson(path + "/tokens", cardJson("4242424242424242"),
                Map.of("X-CSRF-Token", csrf));
        assertEquals(410, page.status(), page::toString);
        assertEquals(unknownLinkBody(), page.body());
        assertEquals(410, tokens.status(), tokens::toString);
        assertEquals("link_unavailable", json(tokens.body()).getString("code"));
        assertEquals("REVOKED", links.status(sent));
    }

    @Test
    void a_link_expires_four_hours_after_it_was_sent() {
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("expired"));
        String path = HostedPageClient.pathOf(sent.link());
        assertEquals(200, customer.get(path).status());

        links.advanceClock(4 * 3600 + 1);

        Page page = customer.get(path);
        assertEquals(410, page.status(), page::toString);
        assertEquals(unknownLinkBody(), page.body());
        assertFalse(page.body().contains("Brennan"));
        assertEquals("EXPIRED", links.status(sent));
    }

    @Test
    void many_wrong_secrets_from_one_address_are_answered_with_429() throws IOException {
        // A client address of its own (any 127.x address reaches the server on Linux), so the rest of the suite's
        // dead links do not count towards this test's limit, nor does this test block the others.
        String guesser = "127.0.0.2";
        SentLink sent = links.request(customerId, TestMail.uniqueAddress("limited"));

        for (int i = 1; i <= WRONG_SECRET_LIMIT; i++) {
            assertEquals(410, rawGet(guesser, "/pay/methods/" + randomSecret()).status(), "wrong secret " + i);
        }
        RawResponse limited = rawGet(guesser, "/pay/methods/" + randomSecret());
        RawResponse validButLimited = rawGet(guesser, HostedPageClient.pathOf(sent.link()));

        assertEquals(429, limited.status(), limited::toString);
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited::toString);
        assertTrue(limited.body().contains("Too many attempts"), limited::toString);
        assertEquals(429, validButLimited.status(), "a blocked address learns nothing, not even of a good link");
        assertEquals(CSP, limited.header("Content-Security-Policy"));
        assertEquals(200, customer.get(HostedPageClient.pathOf(sent.link())).status(), "other addresses go on");
    }

    private JsonObject tokenize(String path, String csrf, String json) {
        Page tokens = customer.postJson(path + "/tokens", json, Map.of("X-CSRF-Token", csrf));
        assertEquals(201, tokens.status(), tokens::toString);
        return json(tokens.body());
    }

    private String unknownLinkBody() {
        Page unknown = new HostedPageClient(deployment).get("/pay/methods/" + randomSecret());
        assertEquals(410, unknown.status(), unknown::toString);
        return unknown.body();
    }

    static void assertSecurityHeaders(Page page) {
        assertEquals(CSP, page.header("Content-Security-Policy").orElse(null), page::toString);
        assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(null));
        assertEquals("no-referrer", page.header("Referrer-Policy").orElse(null));
        assertEquals("no-store", page.header("Cache-Control").orElse(null));
    }

    static String cardJson(String number) {
        return """
                {"type": "card", "card": {"number": "%s", "expMonth": 12, "expYear": 2034, "cvc": "123"}}"""
                .formatted(number);
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** An HTTP/1.1 GET sent from a chosen local address (java.net.http cannot choose one on Java 17). */
    private RawResponse rawGet(String localAddress, String path) throws IOException {
        URI root = URI.create(deployment.toString());
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return RawResponse.parse(response);
        }
    }

    /** Status, headers and body of a raw HTTP/1.1 response. */
    record RawResponse(int status, String head, String body) {

        private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

        static RawResponse parse(String response) {
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            Matcher status = STATUS.matcher(head);
            if (!status.find()) {
                throw new AssertionError("not an HTTP response: " + response);
            }
            return new RawResponse(Integer.parseInt(status.group(1)), head, body);
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return head + "\n\n" + body;
        }
    }
}
