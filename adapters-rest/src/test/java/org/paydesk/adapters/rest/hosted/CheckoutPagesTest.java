package org.paydesk.adapters.rest.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paydesk.application.cart.port.in.PaymentOptions;
import org.paydesk.application.cart.port.in.PaymentOptions.Option;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.Money;

/** The checkout form as the server renders it: cart, options, and when the wallet buttons are there and shown. */
class CheckoutPagesTest {

    private static final List<PaymentMethodType> BOTH_WALLETS = List.of(PaymentMethodType.APPLE_PAY,
            PaymentMethodType.GOOGLE_PAY);
    private static final Pattern WALLET_BLOCK = Pattern.compile("<div id=\"wallet-buttons\"[^>]*>");

    @Test
    void the_form_shows_the_lines_and_total_from_the_server_escaped() throws IOException {
        String html = render(HostedPageSettings.Mode.SANDBOX, options(BOTH_WALLETS, true), "card");
        assertTrue(html.contains("Hammer &lt;steel&gt; &amp; handle"), html);
        assertTrue(html.contains("<span class=\"sku\">HAM-1</span>"), html);
        assertTrue(html.contains("<td class=\"num\">3</td><td class=\"num\">$12.50</td><td class=\"num\">$37.50</td>"),
                html);
        assertTrue(html.contains("<td class=\"num\" id=\"cart-total\">$1,037.50</td>"), html);
        assertTrue(html.contains("Pay $1,037.50"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-token\">"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"idempotencyKey\" value=\"key-1\">"), html);
        assertTrue(html.contains("<meta name=\"csrf-token\" content=\"csrf-token\">"), html);
        assertTrue(html.contains("<script src=\"/ctx/pay/assets/checkout.js\"></script>"), html);
        assertTrue(html.contains("data-tokens-url=\"/ctx/api/v1/sandbox/payment-methods\""), html);
        assertFalse(html.contains("js.stripe.com"), "sandbox mode loads no Stripe.js");
    }

    @Test
    void the_page_has_no_inline_script_or_style_and_no_named_detail_input() throws IOException {
        for (HostedPageSettings.Mode mode : HostedPageSettings.Mode.values()) {
            String html = render(mode, options(BOTH_WALLETS, true), "card");
            assertFalse(html.contains("style="), "no inline style: the CSP forbids it");
            assertFalse(html.matches("(?s).*<script>.*"), "no inline script: the CSP forbids it");
            assertFalse(html.contains(" onclick") || html.contains(" onsubmit"), html);
            Matcher inputs = Pattern.compile("<input [^>]*data-field[^>]*>").matcher(html);
            while (inputs.find()) {
                assertFalse(inputs.group().contains("name="), inputs.group());
            }
            assertFalse(html.contains("{{"), html);
        }
    }

    @Test
    void wallet_buttons_are_shown_while_card_is_chosen_and_wallets_are_enabled() throws IOException {
        String html = render(HostedPageSettings.Mode.SANDBOX, options(BOTH_WALLETS, true), "card");
        String block = walletBlock(html);
        assertFalse(block.contains("hidden"), block);
        assertTrue(html.contains("id=\"apple-pay-button\" data-wallet=\"apple_pay\" data-wallet-name=\"Apple Pay\" "
                + "data-token=\"pm_applepay_visa\""), html);
        assertTrue(html.contains("id=\"google-pay-button\" data-wallet=\"google_pay\" data-wallet-name=\"Google Pay\" "
                + "data-token=\"pm_googlepay_visa\""), html);
        assertTrue(html.contains("<dialog id=\"wallet-sheet\""), html);
        assertTrue(html.contains("id=\"method-card\" value=\"card\" checked"), html);
    }

    @Test
    void wallet_buttons_are_rendered_hidden_when_the_page_opens_on_ach() throws IOException {
        String html = render(HostedPageSettings.Mode.SANDBOX, options(BOTH_WALLETS, true), "ach");
        assertTrue(walletBlock(html).contains(" hidden"), walletBlock(html));
        assertTrue(html.contains("id=\"method-ach\" value=\"ach\" checked"), html);
        assertTrue(html.contains("<fieldset id=\"card-fields\" class=\"fields\" data-type=\"card\" hidden disabled>"),
                html);
    }

    @Test
    void only_the_enabled_wallets_get_a_button() throws IOException {
        String html = render(HostedPageSettings.Mode.SANDBOX, options(List.of(PaymentMethodType.GOOGLE_PAY), true),
                "card");
        assertTrue(html.contains("id=\"google-pay-button\""), html);
        assertFalse(html.contains("id=\"apple-pay-button\""), html);
        assertTrue(html.contains("data-wallets=\"google_pay\""), html);
    }

    @Test
    void without_enabled_wallets_there_are_no_wallet_buttons_at_all() throws IOException {
        String html = render(HostedPageSettings.Mode.SANDBOX, options(List.of(), true), "card");
        assertFalse(html.contains("wallet-buttons"), html);
        assertFalse(html.contains("wallet-sheet"), html);
        assertFalse(html.contains("pm_applepay") || html.contains("pm_googlepay"), html);
        assertTrue(html.contains("id=\"card-number\""), html);
    }

    @Test
    void wallets_come_only_with_card() throws IOException {
        PaymentOptions achOnly = new PaymentOptions(List.of(new Option(PaymentMethodType.ACH, BOTH_WALLETS)));
        String html = render(HostedPageSettings.Mode.SANDBOX, achOnly, "card");
        assertFalse(html.contains("wallet-buttons"), html);
        assertFalse(html.contains("id=\"method-card\""), html);
        assertTrue(html.contains("id=\"method-ach\" value=\"ach\" checked"), html);
    }

    @Test
    void stripe_mode_mounts_elements_and_offers_no_sandbox_token() throws IOException {
        String html = render(HostedPageSettings.Mode.STRIPE, options(BOTH_WALLETS, true), "card");
        assertTrue(html.contains("<script src=\"https://js.stripe.com/v3/\"></script>"), html);
        assertTrue(html.contains("id=\"express-checkout-element\""), html);
        assertTrue(html.contains("id=\"stripe-card-element\""), html);
        assertTrue(html.contains("data-publishable-key=\"pk_test_123\""), html);
        assertTrue(html.contains("data-amount=\"103750\" data-currency=\"usd\""), html);
        assertFalse(html.contains("id=\"card-number\""), html);
        assertFalse(html.contains("pm_applepay") || html.contains("pm_googlepay"), html);
        assertFalse(html.contains("wallet-sheet"), html);
    }

    @Test
    void a_decline_shows_the_reason_above_the_form() throws IOException {
        CapturedResponse response = new CapturedResponse();
        new CheckoutPages("/ctx").form(response.response(), 402, form(HostedPageSettings.Mode.SANDBOX,
                options(BOTH_WALLETS, true), "card", CheckoutPages.declineMessage("card_declined", "generic_decline"),
                CheckoutPages.reasonCode("card_declined", "generic_decline")));
        assertEquals(402, response.status());
        assertTrue(response.body().contains("<div class=\"alert\" role=\"alert\" id=\"server-error\">Your card was "
                + "declined. No money was taken."), response.body());
        assertTrue(response.body().contains("<code id=\"decline-reason\">generic_decline</code>"), response.body());
    }

    @Test
    void decline_reasons_read_as_the_buyer_needs_them_and_fraud_signals_stay_untold() {
        assertTrue(CheckoutPages.declineMessage("card_declined", "insufficient_funds")
                .startsWith("Your card has insufficient funds."));
        assertTrue(CheckoutPages.declineMessage("expired_card", "expired_card").startsWith("Your card has expired."));
        assertTrue(CheckoutPages.declineMessage("card_declined", "stolen_card").startsWith("Your card was declined."));
        assertEquals("generic_decline", CheckoutPages.reasonCode("card_declined", "stolen_card"));
        assertEquals("generic_decline", CheckoutPages.reasonCode("card_declined", "fraudulent"));
        assertEquals("insufficient_funds", CheckoutPages.reasonCode("card_declined", "insufficient_funds"));
        assertEquals("card_declined", CheckoutPages.reasonCode(null, null));
        assertTrue(CheckoutPages.declineMessage("resource_missing", null).startsWith("We could not take"));
    }

    @Test
    void amounts_read_as_a_us_buyer_writes_them() {
        assertEquals("$1,234.50", CheckoutPages.amount(Money.ofMinor(123450, "USD")));
        assertEquals("€12.00", CheckoutPages.amount(Money.ofMinor(1200, "EUR")));
        assertEquals("¥1,200", CheckoutPages.amount(Money.ofMinor(1200, "JPY")));
    }

    @Test
    void the_outcome_page_names_the_order_amount_and_method() throws IOException {
        CapturedResponse response = new CapturedResponse();
        CheckoutOutcome outcome = new CheckoutOutcome(77, org.paydesk.domain.payment.PaymentStatus.SUCCEEDED,
                PaymentMethodType.APPLE_PAY, Money.ofMinor(2500, "USD"), null, null, 12L, "SO-<12>");
        new CheckoutPages("").succeeded(response.response(), outcome);
        String html = response.body();
        assertEquals(200, response.status());
        assertTrue(html.contains("data-outcome=\"succeeded\" data-order-id=\"12\" data-payment-id=\"77\""), html);
        assertTrue(html.contains("<dd id=\"order-number\">SO-&lt;12&gt;</dd>"), html);
        assertTrue(html.contains("<dd id=\"amount\">$25.00</dd>"), html);
        assertTrue(html.contains("<dd id=\"method\">Apple Pay</dd>"), html);
        assertFalse(html.contains("<script"), "an outcome page runs no script");
    }

    private static String walletBlock(String html) {
        Matcher block = WALLET_BLOCK.matcher(html);
        assertTrue(block.find(), html);
        return block.group();
    }

    private static PaymentOptions options(List<PaymentMethodType> wallets, boolean ach) {
        return ach ? new PaymentOptions(List.of(new Option(PaymentMethodType.CARD, wallets),
                new Option(PaymentMethodType.ACH, List.of())))
                : new PaymentOptions(List.of(new Option(PaymentMethodType.CARD, wallets)));
    }

    private static String render(HostedPageSettings.Mode mode, PaymentOptions options, String selected)
            throws IOException {
        CapturedResponse response = new CapturedResponse();
        new CheckoutPages("/ctx").form(response.response(), 200, form(mode, options, selected, null, null));
        assertEquals(200, response.status());
        assertEquals(HostedPages.HTML, response.contentType());
        return response.body();
    }

    private static CheckoutPages.Form form(HostedPageSettings.Mode mode, PaymentOptions options, String selected,
            String error, String reason) {
        List<OrderLine> lines = List.of(
                new OrderLine(new Sku("HAM-1"), "Hammer <steel> & handle", 3, Money.ofMinor(1250, "USD")),
                new OrderLine(new Sku("SAW-2"), "Saw", 1, Money.ofMinor(100000, "USD")));
        return new CheckoutPages.Form("/ctx/pay/checkout/5", "/ctx/api/v1/sandbox/payment-methods", "csrf-token",
                "key-1", mode, mode == HostedPageSettings.Mode.STRIPE ? "pk_test_123" : "", lines,
                Money.ofMinor(103750, "USD"), null, options, selected, error, reason);
    }
}
