package org.paydesk.adapters.rest.hosted;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.paydesk.application.paymentmethod.port.in.HostedFormView;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.paymentmethod.DisplayFacts;

/**
 * Renders the hosted pages into the response: every page is one content template inside {@code layout.html}, all
 * values HTML-escaped. The pages for dead links, refusals and limits carry nothing of the request, so they are the
 * same bytes whatever link or customer was asked for.
 */
final class HostedPages {

    static final String HTML = "text/html;charset=UTF-8";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter
            .ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String assets;

    /** @param contextPath the web module's context path ("" at the root) */
    HostedPages(String contextPath) {
        this.assets = contextPath + "/pay/assets";
    }

    /** What the form needs besides the request itself. */
    record FormState(String secretPath, String csrf, HostedPageSettings.Mode mode, String publishableKey,
            String selectedType, String error) {
    }

    void form(HttpServletResponse response, int status, HostedFormView view, FormState state) throws IOException {
        Map<String, Object> values = new HashMap<>();
        values.put("customerName", view.customerName());
        values.put("requestedBy", view.requestedBy());
        values.put("expiresAtIso", view.expiresAt().toString());
        values.put("expiresAtText", EXPIRY.format(view.expiresAt()));
        values.put("formAction", state.secretPath());
        values.put("tokensUrl", state.secretPath() + "/tokens");
        values.put("openedUrl", state.secretPath() + "/opened");
        values.put("setupIntentUrl", state.secretPath() + "/setup-intent");
        values.put("mode", state.mode().attribute());
        values.put("sandbox", state.mode() == HostedPageSettings.Mode.SANDBOX);
        values.put("stripe", state.mode() == HostedPageSettings.Mode.STRIPE);
        values.put("publishableKey", state.publishableKey());
        values.put("csrf", state.csrf());
        values.put("ach", "ach".equals(state.selectedType()));
        values.put("card", !"ach".equals(state.selectedType()));
        values.put("error", state.error());
        write(response, status, "Add a payment method for " + view.customerName(), "payment-method-form.html", values,
                state.csrf(), "payment-method.js", state.mode() == HostedPageSettings.Mode.STRIPE);
    }

    void saved(HttpServletResponse response, PaymentMethodType type, DisplayFacts facts) throws IOException {
        boolean bank = type == PaymentMethodType.ACH;
        String what = bank ? "bank account" : "card";
        String detail;
        if (bank) {
            detail = facts.bankName() == null ? "Bank account" : facts.bankName();
        } else {
            detail = brandName(facts.brand()) + (facts.expMonth() == null || facts.expYear() == null ? ""
                    : ", expires %02d/%d".formatted(facts.expMonth(), facts.expYear()));
        }
        Map<String, Object> values = Map.of("what", what, "last4", facts.last4(), "detail", detail);
        write(response, HttpServletResponse.SC_OK, "Payment method saved", "payment-method-saved.html", values, null,
                null, false);
    }

    /** The one page for an unknown, spent, revoked or expired link. */
    void unavailable(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_GONE, "This link can no longer be used", "link-unavailable.html",
                Map.of(), null, null, false);
    }

    void forbidden(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "This form could not be sent", "forbidden.html", Map.of(),
                null, null, false);
    }

    void tooManyRequests(HttpServletResponse response, Duration retryAfter) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds(retryAfter)));
        write(response, 429, "Too many attempts", "too-many-requests.html", Map.of(), null, null, false);
    }

    void notFound(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_NOT_FOUND, "Page not found", "not-found.html", Map.of(), null, null,
                false);
    }

    void failed(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Something went wrong", "failed.html",
                Map.of(), null, null, false);
    }

    static long retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /**
     * @param csrf the token for the page's {@code <meta>}, or {@code null} for a page without a form
     * @param script the page's script in {@code /pay/assets}, or {@code null} for none
     */
    void write(HttpServletResponse response, int status, String title, String template,
            Map<String, Object> values, String csrf, String script, boolean stripeJs) throws IOException {
        Map<String, Object> layout = new HashMap<>();
        layout.put("title", title);
        layout.put("assets", assets);
        layout.put("csrf", csrf);
        layout.put("script", script);
        layout.put("stripeJs", stripeJs);
        layout.put("content", PageTemplate.named(template).render(values));
        String html = PageTemplate.named("layout.html").render(layout).html();
        response.setStatus(status);
        response.setContentType(HTML);
        response.getWriter().write(html);
    }

    static String brandName(String brand) {
        if (brand == null || brand.isBlank()) {
            return "Card";
        }
        return switch (brand.toLowerCase(Locale.ROOT)) {
            case "visa" -> "Visa";
            case "mastercard" -> "Mastercard";
            case "amex" -> "American Express";
            case "discover" -> "Discover";
            case "diners" -> "Diners Club";
            case "jcb" -> "JCB";
            case "unionpay" -> "UnionPay";
            default -> brand.substring(0, 1).toUpperCase(Locale.ROOT) + brand.substring(1);
        };
    }
}
