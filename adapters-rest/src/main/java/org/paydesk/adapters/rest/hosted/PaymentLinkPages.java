package org.paydesk.adapters.rest.hosted;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.paydesk.application.paymentlink.port.in.LinkPage;
import org.paydesk.application.paymentlink.port.in.LinkedInvoice;
import org.paydesk.domain.paymentlink.PaymentLinkKind;

/**
 * Renders the payment link's pages: the form (the invoices with their balances now, the total, card or bank fields
 * in sandbox mode or Stripe's Payment Element), the outcome of a payment (the checkout's outcome page), the page of
 * a link with nothing left to pay, and the expired page that says whom to ask for a new link.
 */
final class PaymentLinkPages {

    /** The script of the form: the same as the payment-method form's (tokenize, then post the token). */
    static final String SCRIPT = "payment-method.js";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter
            .ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final HostedPages pages;

    PaymentLinkPages(String contextPath) {
        this.pages = new HostedPages(contextPath);
    }

    /**
     * What the form needs besides the link itself.
     *
     * @param reasonCode the decline's reason code shown with {@code error}, or null
     */
    record Form(String action, String csrf, String idempotencyKey, HostedPageSettings.Mode mode,
            String publishableKey, String selected, String error, String reasonCode) {
    }

    void form(HttpServletResponse response, int status, LinkPage link, Form form) throws IOException {
        boolean sandbox = form.mode() == HostedPageSettings.Mode.SANDBOX;
        boolean statement = link.kind() == PaymentLinkKind.STATEMENT;
        Map<String, Object> values = new HashMap<>();
        values.put("eyebrow", statement ? "Statement" : "Invoice");
        values.put("heading", heading(link));
        values.put("what", what(link));
        values.put("sentBy", link.sentBy());
        values.put("customerName", link.customerName());
        values.put("total", CheckoutPages.amount(link.openTotal()));
        values.put("amountMinor", Long.toString(link.openTotal().minorUnits()));
        values.put("currencyLower", link.openTotal().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
        values.put("activeUntilIso", link.activeUntil() == null ? null : link.activeUntil().toString());
        values.put("activeUntilText", link.activeUntil() == null ? null : UNTIL.format(link.activeUntil()));
        values.put("invoices", invoices(link));
        values.put("formAction", form.action());
        values.put("tokensUrl", form.action() + "/tokens");
        values.put("openedUrl", form.action() + "/opened");
        values.put("mode", form.mode().attribute());
        values.put("sandbox", sandbox);
        values.put("stripe", !sandbox);
        values.put("publishableKey", form.publishableKey());
        values.put("csrf", form.csrf());
        values.put("idempotencyKey", form.idempotencyKey());
        values.put("ach", "ach".equals(form.selected()));
        values.put("card", !"ach".equals(form.selected()));
        values.put("error", form.error());
        values.put("reasonCode", form.reasonCode());
        pages.write(response, status, heading(link) + ": pay " + CheckoutPages.amount(link.openTotal()),
                "payment-link-form.html", values, form.csrf(), SCRIPT, !sandbox);
    }

    /** Nothing is open on the link's invoices (paid through the link, or by any other channel). */
    void paid(HttpServletResponse response, int status, LinkPage link) throws IOException {
        String heading = link.kind() == PaymentLinkKind.STATEMENT ? "These invoices are paid"
                : "This invoice is paid";
        pages.write(response, status, heading, "payment-link-paid.html", Map.of("heading", heading, "what",
                what(link), "customerName", link.customerName(), "invoices", invoices(link)), null, null, false);
    }

    /** The 24 hours since the first opening are over: the page says whom to ask for a new link. */
    void expired(HttpServletResponse response, LinkPage link) throws IOException {
        pages.write(response, HttpServletResponse.SC_GONE, "This payment link has expired",
                "payment-link-expired.html", Map.of("sentBy", link.sentBy()), null, null, false);
    }

    /** The payment went through (or, for a bank account, is on its way) or its answer is being checked. */
    void outcome(HttpServletResponse response, CheckoutOutcome outcome) throws IOException {
        String heading;
        String kind;
        String note;
        int status = 200;
        switch (outcome.status()) {
            case SUCCEEDED -> {
                heading = "Thank you, your payment is complete";
                kind = "succeeded";
                note = "Your invoice is paid. You can close this page.";
            }
            case PROCESSING -> {
                heading = "Thank you, your bank payment is processing";
                kind = "processing";
                note = "Bank payments take a few business days to complete. There is nothing more to do: if your"
                        + " bank refuses the payment, the sender will contact you.";
            }
            default -> {
                heading = "We are confirming your payment";
                kind = "pending";
                status = 202;
                note = "We have not yet heard back from the payment processor. Please do not pay again: reload this"
                        + " page in a few minutes to see whether your invoice is paid.";
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("heading", heading);
        values.put("kind", kind);
        values.put("done", !"pending".equals(kind));
        values.put("orderNumber", null);
        values.put("orderId", "");
        values.put("paymentId", Long.toString(outcome.paymentId()));
        values.put("amount", CheckoutPages.amount(outcome.amount()));
        values.put("method", CheckoutPages.methodName(outcome.method()));
        values.put("note", note);
        pages.write(response, status, heading, "checkout-outcome.html", values, null, null, false);
    }

    private static String heading(LinkPage link) {
        if (link.kind() == PaymentLinkKind.STATEMENT) {
            return "Statement for " + link.customerName();
        }
        return "Invoice " + (link.invoices().isEmpty() ? "" : link.invoices().get(0).number());
    }

    private static String what(LinkPage link) {
        return link.kind() == PaymentLinkKind.STATEMENT ? "a statement of " + link.invoices().size() + " invoice(s)"
                : "invoice " + (link.invoices().isEmpty() ? "" : link.invoices().get(0).number());
    }

    private static PageTemplate.Trusted invoices(LinkPage link) {
        StringBuilder rows = new StringBuilder();
        PageTemplate row = PageTemplate.named("payment-link-invoice.html");
        for (LinkedInvoice invoice : link.invoices()) {
            rows.append(row.render(Map.of("number", invoice.number(), "dueDate", invoice.dueDate().toString(),
                    "originalAmount", CheckoutPages.amount(invoice.originalAmount()), "openBalance",
                    CheckoutPages.amount(invoice.openBalance()))).html());
        }
        return PageTemplate.named("payment-link-invoices.html").render(Map.of("rows",
                new PageTemplate.Trusted(rows.toString()), "total", CheckoutPages.amount(link.openTotal())));
    }
}
