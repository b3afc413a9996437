package org.paydesk.adapters.rest.hosted;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.paydesk.application.cart.port.in.PaymentOptions;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.Money;

/**
 * Renders the hosted checkout's pages: the form (cart lines and total from the server, the payment options, the
 * wallet buttons when the merchant enabled wallets, card or bank fields in sandbox mode or Stripe Elements), and the
 * outcomes: paid, processing (ACH), not yet known, declined (the form again with the reason), already paid.
 */
final class CheckoutPages {

    /** The sandbox's simulated wallet tokens: a Visa test card inside Apple Pay resp. Google Pay. */
    static final String SANDBOX_APPLE_PAY_TOKEN = "pm_applepay_visa";
    static final String SANDBOX_GOOGLE_PAY_TOKEN = "pm_googlepay_visa";
    static final String SCRIPT = "checkout.js";
    /** Decline codes that must not be told to the buyer as such (Stripe: present them as a generic decline). */
    private static final Set<String> UNTOLD_DECLINES = Set.of("lost_card", "stolen_card", "fraudulent", "pickup_card",
            "merchant_blacklist", "restricted_card", "security_violation");

    private final HostedPages pages;

    /** @param contextPath the web module's context path ("" at the root) */
    CheckoutPages(String contextPath) {
        this.pages = new HostedPages(contextPath);
    }

    /**
     * Everything the checkout form shows.
     *
     * @param orderNumber the order the cart became, when a payment of it was already tried (else null)
     * @param selected {@code card} or {@code ach}: the option chosen when the page opens
     * @param error what went wrong with the last attempt, for the buyer, or null
     * @param reasonCode the decline's reason code shown with {@code error}, or null
     */
    record Form(String action, String tokensUrl, String csrf, String idempotencyKey, HostedPageSettings.Mode mode,
            String publishableKey, List<OrderLine> lines, Money total, String orderNumber, PaymentOptions options,
            String selected, String error, String reasonCode) {

        Form {
            Objects.requireNonNull(lines, "lines");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(options, "options");
            lines = List.copyOf(lines);
        }

        boolean offers(PaymentMethodType type) {
            return options.options().stream().anyMatch(option -> option.type() == type);
        }

        /** The wallets offered with card, in the order the options list them; none when card is not offered. */
        List<PaymentMethodType> wallets() {
            return options.options().stream().filter(option -> option.type() == PaymentMethodType.CARD)
                    .flatMap(option -> option.wallets().stream())
                    .filter(wallet -> wallet == PaymentMethodType.APPLE_PAY || wallet == PaymentMethodType.GOOGLE_PAY)
                    .distinct().toList();
        }

        /** The option chosen on opening: the requested one when it is offered, else card, else ACH. */
        String chosen() {
            if ("ach".equals(selected) && offers(PaymentMethodType.ACH)) {
                return "ach";
            }
            return offers(PaymentMethodType.CARD) ? "card" : "ach";
        }
    }

    void form(HttpServletResponse response, int status, Form form) throws IOException {
        List<PaymentMethodType> wallets = form.wallets();
        boolean card = "card".equals(form.chosen());
        boolean sandbox = form.mode() == HostedPageSettings.Mode.SANDBOX;
        Map<String, Object> values = new HashMap<>();
        values.put("formAction", form.action());
        values.put("tokensUrl", form.tokensUrl());
        values.put("csrf", form.csrf());
        values.put("idempotencyKey", form.idempotencyKey());
        values.put("mode", form.mode().attribute());
        values.put("sandbox", sandbox);
        values.put("stripe", !sandbox);
        values.put("publishableKey", form.publishableKey());
        values.put("lines", lines(form.lines()));
        values.put("total", amount(form.total()));
        values.put("amountMinor", Long.toString(form.total().minorUnits()));
        values.put("currency", form.total().currency().getCurrencyCode());
        values.put("currencyLower", form.total().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        values.put("orderNumber", form.orderNumber());
        values.put("cardOffered", form.offers(PaymentMethodType.CARD));
        values.put("achOffered", form.offers(PaymentMethodType.ACH));
        values.put("card", card);
        values.put("ach", !card);
        values.put("wallets", !wallets.isEmpty());
        values.put("walletList", String.join(" ", wallets.stream().map(CheckoutPages::wire).toList()));
        values.put("applePay", wallets.contains(PaymentMethodType.APPLE_PAY));
        values.put("googlePay", wallets.contains(PaymentMethodType.GOOGLE_PAY));
        values.put("applePayToken", sandbox ? SANDBOX_APPLE_PAY_TOKEN : "");
        values.put("googlePayToken", sandbox ? SANDBOX_GOOGLE_PAY_TOKEN : "");
        values.put("error", form.error());
        values.put("reasonCode", form.reasonCode());
        pages.write(response, status, "Checkout: pay " + amount(form.total()), "checkout-form.html", values,
                form.csrf(), SCRIPT, !sandbox);
    }

    /** The payment went through and the order is confirmed. */
    void succeeded(HttpServletResponse response, CheckoutOutcome outcome) throws IOException {
        outcome(response, 200, "Thank you, your order is confirmed", "succeeded", outcome,
                "Thank you for your order. You can close this page.");
    }

    /** An ACH debit was accepted and settles in a few days; the order is confirmed meanwhile. */
    void processing(HttpServletResponse response, CheckoutOutcome outcome) throws IOException {
        outcome(response, 200, "Thank you, your order is confirmed and your bank payment is processing", "processing",
                outcome, "Bank payments take a few business days to complete. There is nothing more to do: "
                        + "if your bank refuses the payment, we will contact you.");
    }

    /** The processor's answer was lost: the payment is being checked, and must not be made again meanwhile. */
    void pending(HttpServletResponse response, CheckoutOutcome outcome) throws IOException {
        outcome(response, 202, "We are confirming your payment", "pending", outcome,
                "We have not yet heard back from the payment processor. Please do not pay again: reload this page "
                        + "in a few minutes to see whether your order is confirmed.");
    }

    private void outcome(HttpServletResponse response, int status, String heading, String kind,
            CheckoutOutcome outcome, String note) throws IOException {
        Map<String, Object> values = new HashMap<>();
        values.put("heading", heading);
        values.put("kind", kind);
        values.put("done", !"pending".equals(kind));
        values.put("orderNumber", outcome.orderNumber());
        values.put("orderId", outcome.orderId() == null ? "" : Long.toString(outcome.orderId()));
        values.put("paymentId", Long.toString(outcome.paymentId()));
        values.put("amount", amount(outcome.amount()));
        values.put("method", methodName(outcome.method()));
        values.put("note", note);
        pages.write(response, status, heading, "checkout-outcome.html", values, null, null, false);
    }

    /** The cart's order is paid already (a second tab, or a post from a page opened before it was paid). */
    void alreadyPaid(HttpServletResponse response, int status, SalesOrder order) throws IOException {
        Map<String, Object> values = new HashMap<>();
        values.put("orderNumber", order == null ? "" : order.number());
        values.put("orderId", order == null ? "" : Long.toString(order.id().value()));
        values.put("total", order == null ? "" : amount(order.total()));
        pages.write(response, status, "This order is already paid", "checkout-already-paid.html", values, null,
                null, false);
    }

    void cancelled(HttpServletResponse response, SalesOrder order) throws IOException {
        pages.write(response, 409, "This order was cancelled", "checkout-cancelled.html",
                Map.of("orderNumber", order.number()), null, null, false);
    }

    void emptyCart(HttpServletResponse response, int status) throws IOException {
        pages.write(response, status, "Your cart is empty", "checkout-empty.html", Map.of(), null, null, false);
    }

    /** Another payment of this cart is under way (another tab). */
    void inProgress(HttpServletResponse response) throws IOException {
        pages.write(response, 409, "A payment of this order is under way", "checkout-in-progress.html", Map.of(),
                null, null, false);
    }

    void forbidden(HttpServletResponse response) throws IOException {
        pages.write(response, 403, "This payment could not be sent", "checkout-forbidden.html", Map.of(), null, null,
                false);
    }

    void failed(HttpServletResponse response) throws IOException {
        pages.write(response, 500, "Something went wrong", "checkout-failed.html", Map.of(), null, null, false);
    }

    void notFound(HttpServletResponse response) throws IOException {
        pages.notFound(response);
    }

    private static PageTemplate.Trusted lines(List<OrderLine> lines) {
        StringBuilder html = new StringBuilder();
        PageTemplate line = PageTemplate.named("checkout-line.html");
        for (OrderLine each : lines) {
            html.append(line.render(Map.of("description", each.description(), "sku", each.sku().toString(),
                    "quantity", Integer.toString(each.quantity()), "unitPrice", amount(each.unitPrice()),
                    "lineTotal", amount(each.total()))).html());
        }
        return new PageTemplate.Trusted(html.toString());
    }

    /** An amount as a US buyer reads it: {@code $1,234.50}, {@code €12.00}, {@code ¥1,200}. */
    static String amount(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(money.currency());
        int digits = money.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.minorUnits(), digits));
    }

    static String methodName(PaymentMethodType type) {
        return switch (type) {
            case CARD -> "Card";
            case ACH -> "US bank account (ACH)";
            case APPLE_PAY -> "Apple Pay";
            case GOOGLE_PAY -> "Google Pay";
        };
    }

    /** The form's and the script's name of a method type: card, ach, apple_pay, google_pay. */
    static String wire(PaymentMethodType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the buyer is told about a failed payment. Reasons that would help a fraudster (lost or stolen card, fraud
     * suspected) are told as a plain decline, as Stripe advises.
     */
    static String declineMessage(String failureCode, String declineCode) {
        String reason = reasonCode(failureCode, declineCode);
        String sentence = switch (reason) {
            case "insufficient_funds" -> "Your card has insufficient funds.";
            case "expired_card" -> "Your card has expired.";
            case "incorrect_cvc", "invalid_cvc" -> "Your card's security code is incorrect.";
            case "incorrect_number", "invalid_number" -> "Your card number is incorrect.";
            case "card_velocity_exceeded", "withdrawal_count_limit_exceeded" ->
                "Your card has reached its spending limit.";
            case "processing_error" -> "An error occurred while processing your card.";
            case "authentication_required" ->
                "Your bank asks you to confirm this payment, which this page cannot do yet.";
            case "card_not_supported", "currency_not_supported" -> "Your card does not support this purchase.";
            case "generic_decline", "do_not_honor", "card_declined", "call_issuer", "not_permitted",
                "transaction_not_allowed", "try_again_later", "issuer_not_available" -> "Your card was declined.";
            default -> failureCode != null && failureCode.startsWith("card_") || declineCode != null
                    ? "Your card was declined." : "We could not take this payment.";
        };
        return sentence + " No money was taken. Please try another card or pay by bank account.";
    }

    /** The reason code shown with a decline: the processor's decline code, unless it is one not to tell. */
    static String reasonCode(String failureCode, String declineCode) {
        String code = declineCode != null && !declineCode.isBlank() ? declineCode
                : failureCode != null && !failureCode.isBlank() ? failureCode : "card_declined";
        return UNTOLD_DECLINES.contains(code) ? "generic_decline" : code;
    }
}
