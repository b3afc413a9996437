package org.paydesk.it.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.it.hosted.HostedPageClient.fields;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.hosted.CheckoutShop.Buyer;
import org.paydesk.it.hosted.HostedPageClient.Page;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.TestUsers;

/**
 * The hosted checkout {@code /pay/checkout/{cartId}} over plain HTTP, as a buyer's browser uses it: only the cart's
 * owner sees it, CSRF is enforced, the form post pays the cart and shows the outcome, a decline shows its reason
 * and the form again, and a replayed post never charges twice. The real browser is {@link BrowserCheckoutIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostedCheckoutIT {

    static final String VISA = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    private static final Pattern ORDER_ID = Pattern.compile("data-order-id=\"(\\d+)\"");
    private static final Pattern PAYMENT_ID = Pattern.compile("data-payment-id=\"(\\d+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    private CheckoutShop shop;
    private Buyer buyer;
    private long cartId;
    private String path;

    @BeforeEach
    void aBuyerWithACart() {
        shop = new CheckoutShop(deployment);
        buyer = shop.newBuyer();
        cartId = shop.cart(buyer);
        // Characters that mean something in HTML, so the page has to escape the description to show it.
        shop.setQuantity(buyer, cartId, shop.item("Claw hammer <16 oz> & grip", "12.50"), 2);
        shop.setQuantity(buyer, cartId, shop.item("Tape measure", "5.25"), 1);
        path = "/pay/checkout/" + cartId;
    }

    @Test
    void the_owner_sees_the_cart_with_its_total_and_the_payment_options_and_get_changes_nothing() {
        HostedPageClient browser = signedIn(buyer);

        Page page = browser.get(path);

        assertEquals(200, page.status(), page::toString);
        assertEquals(HostedPaymentMethodFormIT.CSP, page.header("Content-Security-Policy").orElse(""));
        assertEquals("no-store", page.header("Cache-Control").orElse(""));
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page::toString);
        assertTrue(browser.csrfCookie().isPresent(), "the page sets the CSRF cookie");
        assertTrue(page.body().contains("Claw hammer &lt;16 oz&gt; &amp; grip"), page::toString);
        assertTrue(page.body().contains("<td class=\"num\">2</td><td class=\"num\">$12.50</td>"
                + "<td class=\"num\">$25.00</td>"), page::toString);
        assertTrue(page.body().contains("<td class=\"num\" id=\"cart-total\">$30.25</td>"), page::toString);
        assertTrue(page.body().contains("id=\"method-card\" value=\"card\" checked"), page::toString);
        assertTrue(page.body().contains("id=\"method-ach\" value=\"ach\""), page::toString);
        assertTrue(page.body().contains("<script src=\"/pay/assets/checkout.js\"></script>"), page::toString);
        assertFalse(page.body().contains("<script>"), "no inline script");
        String firstKey = key(page);
        assertNotEquals(firstKey, key(browser.get(path)), "every rendering has its own idempotency key");

        JsonObject cart = shop.cartOf(buyer, cartId);
        assertEquals("OPEN", cart.getString("status"), cart::toString);
        assertTrue(!cart.containsKey("orderId") || cart.isNull("orderId"), cart::toString);
    }

    @Test
    void another_buyer_and_an_unknown_cart_get_the_same_404_and_anyone_not_signed_in_as_a_buyer_is_refused() {
        Buyer stranger = shop.newBuyer();
        HostedPageClient strangersBrowser = signedIn(stranger);

        Page theirs = strangersBrowser.get(path);
        Page unknown = strangersBrowser.get("/pay/checkout/" + (cartId + 1_000_000_000L));

        assertEquals(404, theirs.status(), theirs::toString);
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals(unknown.body(), theirs.body(), "someone else's cart and no cart look the same");
        assertFalse(theirs.body().contains("Claw hammer"), theirs::toString);

        Page anonymous = new HostedPageClient(deployment).get(path);
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous::toString);
        Page wrongPassword = new HostedPageClient(deployment).signedInAs(buyer.login(), "not-the-password").get(path);
        assertEquals(401, wrongPassword.status(), wrongPassword::toString);
        Page staff = new HostedPageClient(deployment)
                .signedInAs(TestUsers.user("CASHIER"), TestUsers.password("CASHIER")).get(path);
        assertEquals(403, staff.status(), staff::toString);

        // The stranger's own page gives them a CSRF token and key, but posting them to this cart still finds nothing.
        long strangersCart = shop.cart(stranger);
        shop.setQuantity(stranger, strangersCart, shop.item("Pliers", "3.00"), 1);
        Page strangersPage = strangersBrowser.get("/pay/checkout/" + strangersCart);
        Page posted = strangersBrowser.postForm(path, fields("csrf", strangersPage.csrf(), "idempotencyKey",
                key(strangersPage), "type", "card", "token", shop.cardToken(stranger, VISA)), Map.of());
        assertEquals(404, posted.status(), posted::toString);
        assertEquals("OPEN", shop.cartOf(buyer, cartId).getString("status"));
    }

    @Test
    void a_post_without_the_pages_csrf_token_or_from_another_site_is_refused_and_charges_nothing() {
        HostedPageClient browser = signedIn(buyer);
        Page page = browser.get(path);
        String token = shop.cardToken(buyer, VISA);
        Map<String, String> form = fields("csrf", page.csrf(), "idempotencyKey", key(page), "type", "card", "token",
                token);

        Page noCookie = signedIn(buyer).postForm(path, form, Map.of());
        Page noField = browser.postForm(path, fields("idempotencyKey", key(page), "type", "card", "token", token),
                Map.of());
        Page wrongField = browser.postForm(path, fields("csrf", "x".repeat(43), "idempotencyKey", key(page),
                "type", "card", "token", token), Map.of());
        Page foreignOrigin = browser.postForm(path, form, Map.of("Origin", "https://evil.example"));
        Page crossSite = browser.postForm(path, form, Map.of("Sec-Fetch-Site", "cross-site"));

        for (Page refused : new Page[] {noCookie, noField, wrongField, foreignOrigin, crossSite}) {
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(refused.body().contains("This payment could not be sent"), refused::toString);
        }
        JsonObject cart = shop.cartOf(buyer, cartId);
        assertEquals("OPEN", cart.getString("status"), "nothing was checked out: " + cart);
    }

    @Test
    void a_replayed_form_post_shows_the_first_outcome_and_charges_once() {
        HostedPageClient browser = signedIn(buyer);
        Page page = browser.get(path);
        Page otherTab = browser.get(path);
        Map<String, String> form = fields("csrf", page.csrf(), "idempotencyKey", key(page), "type", "card", "token",
                shop.cardToken(buyer, VISA));

        Page paid = browser.postForm(path, form, Map.of());
        Page replayed = browser.postForm(path, form, Map.of());

        assertEquals(200, paid.status(), paid::toString);
        assertTrue(paid.body().contains("data-outcome=\"succeeded\""), paid::toString);
        assertTrue(paid.body().contains("<dd id=\"amount\">$30.25</dd>"), paid::toString);
        assertTrue(paid.body().contains("<dd id=\"method\">Card</dd>"), paid::toString);
        long orderId = number(ORDER_ID, paid);
        long paymentId = number(PAYMENT_ID, paid);
        JsonObject order = shop.order(orderId);
        assertTrue(paid.body().contains("<dd id=\"order-number\">" + order.getString("number") + "</dd>"),
                paid::toString);
        assertEquals(200, replayed.status(), replayed::toString);
        assertEquals(paymentId, number(PAYMENT_ID, replayed), "the replay shows the first payment");
        assertEquals(orderId, number(ORDER_ID, replayed));

        // A page that was opened before the payment (another tab) has another key: the cart is not charged again.
        Page staleTab = browser.postForm(path, fields("csrf", otherTab.csrf(), "idempotencyKey", key(otherTab),
                "type", "card", "token", shop.cardToken(buyer, VISA)), Map.of());
        assertTrue(staleTab.body().contains("This order is already paid"), staleTab::toString);
        Page reopened = browser.get(path);
        assertTrue(reopened.body().contains("data-outcome=\"already-paid\""), reopened::toString);

        assertEquals("CONFIRMED", shop.order(orderId).getString("status"));
        assertEquals("SUCCEEDED", shop.payment(paymentId).getString("status"));
        assertEquals(1, shop.processorCharges(paymentId), "one charge at the processor");
        assertEquals(orderId, shop.cartOf(buyer, cartId).getJsonNumber("orderId").longValue());
    }

    @Test
    void a_decline_shows_its_reason_and_the_form_again_with_a_new_key_and_a_retry_pays_the_same_order() {
        HostedPageClient browser = signedIn(buyer);
        Page page = browser.get(path);

        Page declined = browser.postForm(path, fields("csrf", page.csrf(), "idempotencyKey", key(page), "type",
                "card", "token", shop.cardToken(buyer, DECLINED_CARD)), Map.of());

        assertEquals(402, declined.status(), declined::toString);
        assertTrue(declined.body().contains("Your card was declined."), declined::toString);
        assertTrue(declined.body().contains("<code id=\"decline-reason\">generic_decline</code>"),
                declined::toString);
        assertTrue(declined.body().contains("id=\"checkout-form\""), "the form again, to retry");
        assertNotEquals(key(page), key(declined), "the retry is a new attempt");
        long orderId = shop.cartOf(buyer, cartId).getJsonNumber("orderId").longValue();
        assertEquals("OPEN", shop.order(orderId).getString("status"));

        Page paid = browser.postForm(path, fields("csrf", declined.csrf(), "idempotencyKey", key(declined), "type",
                "card", "token", shop.cardToken(buyer, VISA)), Map.of());

        assertEquals(200, paid.status(), paid::toString);
        assertEquals(orderId, number(ORDER_ID, paid));
        assertEquals("CONFIRMED", shop.order(orderId).getString("status"));
    }

    private HostedPageClient signedIn(Buyer who) {
        return new HostedPageClient(deployment).signedInAs(who.login(), who.password());
    }

    static String key(Page page) {
        Matcher key = KEY.matcher(page.body());
        if (!key.find()) {
            throw new AssertionError("the page has no idempotency key:\n" + page);
        }
        return key.group(1);
    }

    private static long number(Pattern pattern, Page page) {
        Matcher found = pattern.matcher(page.body());
        if (!found.find()) {
            throw new AssertionError(pattern + " not on the page:\n" + page);
        }
        return Long.parseLong(found.group(1));
    }
}
