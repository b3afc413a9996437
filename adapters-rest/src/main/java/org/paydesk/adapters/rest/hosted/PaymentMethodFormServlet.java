package org.paydesk.adapters.rest.hosted;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.application.paymentmethod.port.in.CompletePaymentMethodRequestUseCase;
import org.paydesk.application.paymentmethod.port.in.HostedFormView;
import org.paydesk.application.paymentmethod.port.in.LinkUnavailableException;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.shared.DomainException;

/**
 * The hosted "add a payment method" page of a request link, {@code /pay/methods/{secret}}:
 * <ul>
 * <li>{@code GET} renders the form (whose request, who asked, until when) and sets the CSRF cookie; it changes
 * nothing.</li>
 * <li>{@code POST .../opened} is the page's beacon that records the first opening.</li>
 * <li>{@code POST .../tokens} (sandbox mode only) turns test card or bank details, sent as JSON by the page's script,
 * into a token plus display facts. In Stripe mode the browser sends details to Stripe and never here.</li>
 * <li>{@code POST .../setup-intent} (Stripe mode) hands the page a SetupIntent's client secret for Stripe.js.</li>
 * <li>{@code POST} (form: {@code type}, {@code token}, {@code csrf}) saves the tokenized method on the customer and
 * spends the link. The form never carries a card or account number: the inputs for them have no {@code name}.</li>
 * </ul>
 * Every POST passes {@link CsrfGuard}; every secret that opens nothing counts against the caller's address in
 * {@link WrongSecretLimiter}, and the answer for it is the same 410 page (or problem) whatever the reason.
 */
@WebServlet(name = "PaymentMethodForm", urlPatterns = "/pay/methods/*")
// No sign-in and no role: the unguessable link secret in the path is the only authorisation (DESIGN.md §4).
@PermitAll
public class PaymentMethodFormServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PaymentMethodFormServlet.class.getName());

    @Inject
    transient CompletePaymentMethodRequestUseCase links;
    @Inject
    transient HostedPageSettings settings;
    @Inject
    transient WrongSecretLimiter limiter;

    /** {@code /{secret}} or {@code /{secret}/{action}}. */
    record Route(String secret, String action) {

        static Optional<Route> of(String pathInfo) {
            if (pathInfo == null || pathInfo.length() < 2 || pathInfo.charAt(0) != '/') {
                return Optional.empty();
            }
            String[] parts = pathInfo.substring(1).split("/", -1);
            if (parts[0].isEmpty() || parts.length > 2 || (parts.length == 2 && parts[1].isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Route(parts[0], parts.length == 2 ? parts[1] : null));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HostedPages pages = new HostedPages(request.getContextPath());
        Optional<Route> route = Route.of(request.getPathInfo());
        if (route.isEmpty() || route.get().action() != null) {
            pages.notFound(response);
            return;
        }
        Optional<Duration> wait = limiter.retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            pages.tooManyRequests(response, wait.get());
            return;
        }
        String secret = route.get().secret();
        try {
            HostedFormView view = links.open(secret);
            String csrf = HostedRequests.csrfCookie(request).filter(CsrfGuard::wellFormed)
                    .orElseGet(CsrfGuard::newToken);
            response.addHeader("Set-Cookie", CsrfGuard.cookieHeader(csrf, HostedRequests.secure(request, settings)));
            pages.form(response, HttpServletResponse.SC_OK, view, formState(request, secret, csrf, "card", null));
        } catch (LinkUnavailableException unavailable) {
            limiter.recordMiss(request.getRemoteAddr());
            pages.unavailable(response);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "the payment method form could not be shown", unexpected);
            pages.failed(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HostedPages pages = new HostedPages(request.getContextPath());
        Optional<Route> route = HostedRequests.admitPost(request, response, pages, settings,
                limiter, Set.of("tokens", "opened", "setup-intent"), "hosted form", LOG);
        if (route.isEmpty()) {
            return;
        }
        String action = route.get().action();
        boolean json = action != null;
        String secret = route.get().secret();
        try {
            switch (action == null ? "" : action) {
                case "opened" -> {
                    links.markOpened(secret);
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                }
                case "tokens" -> tokens(request, response, secret);
                case "setup-intent" -> setupIntent(response, secret);
                default -> submit(request, response, pages, secret);
            }
        } catch (LinkUnavailableException unavailable) {
            limiter.recordMiss(request.getRemoteAddr());
            if (json) {
                HostedJson.problem(response, 410, "link_unavailable", "Gone",
                        "this link can no longer be used; please ask the company that sent it for a new one", null);
            } else {
                pages.unavailable(response);
            }
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "a hosted payment method form request failed", unexpected);
            if (json) {
                HostedJson.problem(response, 500, "internal_error", "Internal error",
                        "nothing was saved; try again later", null);
            } else {
                pages.failed(response);
            }
        }
    }

    /** The final form post: a token in, the method saved and the link spent, or the form again with the error. */
    private void submit(HttpServletRequest request, HttpServletResponse response, HostedPages pages, String secret)
            throws IOException {
        String type = request.getParameter("type");
        String token = request.getParameter("token");
        String csrf = HostedRequests.formCsrf(request);
        PaymentMethodType methodType = "ach".equals(type) ? PaymentMethodType.ACH
                : "card".equals(type) ? PaymentMethodType.CARD : null;
        if (methodType == null || token == null || token.isBlank()) {
            HostedFormView view = links.open(secret);
            pages.form(response, 422, view, formState(request, secret, csrf, type,
                    "Please enter your card or bank account details and press Save again."));
            return;
        }
        try {
            PaymentMethodToken saved = links.complete(secret, new PaymentMethod(methodType, token.strip()),
                    request.getRemoteAddr());
            pages.saved(response, saved.type(), saved.facts());
        } catch (DomainException refused) {
            HostedFormView view = links.open(secret);
            pages.form(response, 422, view, formState(request, secret, csrf, type, refusal(refused)));
        }
    }

    /** Sandbox tokenization for this link: JSON test details in, a token and display facts out. */
    private void tokens(HttpServletRequest request, HttpServletResponse response, String secret) throws IOException {
        HostedJson.tokens(request, response, settings, card -> links.tokenizeCard(secret, card),
                account -> links.tokenizeBankAccount(secret, account));
    }

    /**
     * Stripe mode's SetupIntent for this link's customer: the page gives its client secret to Stripe.js, which takes
     * the card or bank details and confirms it; the page then submits the resulting PaymentMethod id as its token. The
     * client secret goes to this page only, never to a log.
     */
    private void setupIntent(HttpServletResponse response, String secret) throws IOException {
        if (settings.mode() != HostedPageSettings.Mode.STRIPE) {
            HostedJson.problem(response, 404, "not_found", "Not found",
                    "the sandbox takes details through its own tokens", null);
            return;
        }
        String clientSecret = links.startProcessorSetup(secret);
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("clientSecret", clientSecret).build().toString());
    }

    private HostedPages.FormState formState(HttpServletRequest request, String secret, String csrf, String type,
            String error) {
        return new HostedPages.FormState(request.getContextPath() + "/pay/methods/" + secret, csrf,
                settings.mode(), settings.stripePublishableKey(), type, error);
    }

    /** What to tell the customer when the processor or the domain refused the final step. */
    static String refusal(DomainException refused) {
        return switch (refused.code()) {
            case "card_declined" -> "The card was declined. Please try another card or a bank account.";
            case "invalid_payment_method_token", "payment_method_not_found" ->
                "We could not use those details. Please enter them again and press Save.";
            case "payment_method_type_mismatch" ->
                "The details do not match the chosen payment method. Please enter them again.";
            default -> "We could not save this payment method (" + refused.code()
                    + "). Please try again or use another one.";
        };
    }

}
