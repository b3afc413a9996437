package org.paydesk.adapters.rest.hosted;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.paymentlink.port.in.LinkPage;
import org.paydesk.application.paymentlink.port.in.PayByLinkUseCase;
import org.paydesk.application.paymentmethod.LinkSecrets;
import org.paydesk.application.paymentmethod.port.in.LinkUnavailableException;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.paymentlink.PaymentLinkStatus;
import org.paydesk.domain.shared.DomainException;

/**
 * The hosted page of a payment link, {@code /pay/links/{secret}}:
 * <ul>
 * <li>{@code GET} shows the invoices with their open balances now and the form to pay that total; a link with
 * nothing left to pay shows "paid", an expired one (24 hours after its first opening) says whom to ask for a new
 * one. It sets the CSRF cookie and gives the form a fresh idempotency key; it changes nothing.</li>
 * <li>{@code POST .../opened} is the page's beacon that records the first opening, which starts the 24 hours.</li>
 * <li>{@code POST .../tokens} (sandbox mode only) tokenizes test card or bank details sent as JSON by the script;
 * in Stripe mode the browser sends details to Stripe and never here.</li>
 * <li>{@code POST} (form: {@code type}, {@code token}, {@code idempotencyKey}, {@code csrf}) pays what is open now
 * through the usual payment path. The same rendered page posted again (a double click, a reload) shows the first
 * outcome and never charges twice; after a decline the form comes back with a new key.</li>
 * </ul>
 * The same guards as the payment-method form: {@link CsrfGuard} on every POST, and {@link WrongSecretLimiter}
 * counting every secret that opens nothing, which gets the one 410 page (or problem) whatever the reason.
 */
@WebServlet(name = "PaymentLink", urlPatterns = "/pay/links/*")
// No sign-in and no role: the unguessable link secret in the path is the only authorisation (DESIGN.md §4).
@PermitAll
public class PaymentLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PaymentLinkServlet.class.getName());

    @Inject
    transient PayByLinkUseCase links;
    @Inject
    transient HostedPageSettings settings;
    @Inject
    transient WrongSecretLimiter limiter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HostedPages hosted = new HostedPages(request.getContextPath());
        Optional<PaymentMethodFormServlet.Route> route = PaymentMethodFormServlet.Route.of(request.getPathInfo());
        if (route.isEmpty() || route.get().action() != null) {
            hosted.notFound(response);
            return;
        }
        Optional<Duration> wait = limiter.retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            hosted.tooManyRequests(response, wait.get());
            return;
        }
        String secret = route.get().secret();
        try {
            LinkPage link = links.open(secret);
            String csrf = HostedRequests.csrfCookie(request).filter(CsrfGuard::wellFormed)
                    .orElseGet(CsrfGuard::newToken);
            response.addHeader("Set-Cookie", CsrfGuard.cookieHeader(csrf, HostedRequests.secure(request, settings)));
            show(request, response, secret, link, csrf, HttpServletResponse.SC_OK, "card", null, null);
        } catch (LinkUnavailableException unavailable) {
            limiter.recordMiss(request.getRemoteAddr());
            hosted.unavailable(response);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "the payment link page could not be shown", unexpected);
            hosted.failed(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HostedPages hosted = new HostedPages(request.getContextPath());
        Optional<PaymentMethodFormServlet.Route> route = HostedRequests.admitPost(request, response, hosted, settings,
                limiter, Set.of("tokens", "opened"), "payment link", LOG);
        if (route.isEmpty()) {
            return;
        }
        String action = route.get().action();
        boolean json = action != null;
        String secret = route.get().secret();
        try {
            switch (action == null ? "" : action) {
                case "opened" -> opened(response, secret);
                case "tokens" -> HostedJson.tokens(request, response, settings,
                        card -> links.tokenizeCard(secret, card),
                        account -> links.tokenizeBankAccount(secret, account));
                default -> pay(request, response, secret, HostedRequests.formCsrf(request));
            }
        } catch (LinkUnavailableException unavailable) {
            limiter.recordMiss(request.getRemoteAddr());
            if (json) {
                HostedJson.problem(response, 410, "link_unavailable", "Gone",
                        "this link can no longer be used; please ask the company that sent it for a new one", null);
            } else {
                hosted.unavailable(response);
            }
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "a payment link request failed", unexpected);
            if (json) {
                HostedJson.problem(response, 500, "internal_error", "Internal error",
                        "nothing was charged; try again later", null);
            } else {
                hosted.failed(response);
            }
        }
    }

    /** The page's beacon: the first one starts the 24 hours; an expired link answers 410 and the page reloads. */
    private void opened(HttpServletResponse response, String secret) throws IOException {
        try {
            links.markOpened(secret);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (DomainException expired) {
            HostedJson.problem(response, 410, expired.code(), "Gone", HostedJson.sentence(expired.getMessage()),
                    null);
        }
    }

    /** The final form post: a token in, the open balance paid, or the page that says why not. */
    private void pay(HttpServletRequest request, HttpServletResponse response, String secret, String csrf)
            throws IOException {
        PaymentLinkPages pages = new PaymentLinkPages(request.getContextPath());
        String type = request.getParameter("type");
        String selected = "ach".equals(type) ? "ach" : "card";
        String token = request.getParameter("token");
        String key = request.getParameter("idempotencyKey");
        PaymentMethodType methodType = "ach".equals(type) ? PaymentMethodType.ACH
                : "card".equals(type) ? PaymentMethodType.CARD : null;
        if (!CsrfGuard.wellFormed(key)) {
            again(request, response, secret, csrf, 422, selected,
                    "This page has expired. Please enter your payment details again and press Pay.", null);
            return;
        }
        if (methodType == null || token == null || token.isBlank()) {
            again(request, response, secret, csrf, 422, selected,
                    "Please enter your card or bank account details and press Pay again.", null);
            return;
        }
        // The scope names the link by its secret's hash: the secret itself is never stored.
        IdempotentRequest idempotent = IdempotencyGate.request(key, "POST /pay/links/" + LinkSecrets.hash(secret),
                "pay link");
        CheckoutOutcome outcome;
        try {
            IdempotentAnswer answer = links.pay(secret, new PaymentMethod(methodType, token.strip()),
                    new Actor("payment-link", request.getRemoteAddr()), idempotent,
                    payment -> CheckoutOutcome.of(payment, null).stored());
            outcome = CheckoutOutcome.from(answer.response());
        } catch (ConflictException conflict) {
            again(request, response, secret, csrf, 409, selected, "request_in_progress".equals(conflict.code())
                    || "payment_in_progress".equals(conflict.code())
                    ? "Your payment is still being processed. Please wait a moment and reload this page."
                    : "The balance changed while you were paying. Please check it and press Pay again.", null);
            return;
        } catch (InvalidRequestException invalid) {
            again(request, response, secret, csrf, 422, selected,
                    "Please enter your card or bank account details and press Pay again.", null);
            return;
        } catch (DomainException refused) {
            switch (refused.code()) {
                case "allocation_exceeds_balance", "receivable_not_found", "receivable_of_another_customer" ->
                    again(request, response, secret, csrf, 409, selected,
                            "The balance changed while you were paying. Nothing was charged. Please check the"
                                    + " amount and press Pay again.", null);
                default -> again(request, response, secret, csrf, 422, selected, CheckoutServlet.refusal(refused),
                        null);
            }
            return;
        }
        switch (outcome.status()) {
            case FAILED -> again(request, response, secret, csrf, 402,
                    outcome.method() == PaymentMethodType.ACH ? "ach" : "card",
                    CheckoutPages.declineMessage(outcome.failureCode(), outcome.declineCode()),
                    CheckoutPages.reasonCode(outcome.failureCode(), outcome.declineCode()));
            default -> pages.outcome(response, outcome);
        }
    }

    /** The link as it stands now: the form again (with a new key) and the message, or the page that replaces it. */
    private void again(HttpServletRequest request, HttpServletResponse response, String secret, String csrf,
            int status, String selected, String error, String reasonCode) throws IOException {
        show(request, response, secret, links.open(secret), csrf, status, selected, error, reasonCode);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String secret, LinkPage link,
            String csrf, int status, String selected, String error, String reasonCode) throws IOException {
        PaymentLinkPages pages = new PaymentLinkPages(request.getContextPath());
        if (link.status() == PaymentLinkStatus.PAID) {
            pages.paid(response, HttpServletResponse.SC_OK, link);
        } else if (link.status() == PaymentLinkStatus.EXPIRED) {
            pages.expired(response, link);
        } else {
            pages.form(response, status, link, new PaymentLinkPages.Form(
                    request.getContextPath() + "/pay/links/" + secret, csrf, CsrfGuard.newToken(), settings.mode(),
                    settings.stripePublishableKey(), selected, error, reasonCode));
        }
    }
}
