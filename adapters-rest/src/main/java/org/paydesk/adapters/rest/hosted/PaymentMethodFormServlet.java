package org.paydesk.adapters.rest.hosted;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.CompletePaymentMethodRequestUseCase;
import org.paydesk.application.paymentmethod.port.in.HostedFormView;
import org.paydesk.application.paymentmethod.port.in.LinkUnavailableException;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
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
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int MAX_JSON_BYTES = 8 * 1024;

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
        Optional<Route> route = Route.of(request.getPathInfo());
        String action = route.map(Route::action).orElse(null);
        boolean json = action != null;
        if (route.isEmpty() || (action != null && !action.equals("tokens") && !action.equals("opened")
                && !action.equals("setup-intent"))) {
            if (json) {
                problem(response, 404, "not_found", "Not found", "there is no such page", null);
            } else {
                pages.notFound(response);
            }
            return;
        }
        Optional<Duration> wait = limiter.retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            if (json) {
                response.setHeader("Retry-After", Long.toString(HostedPages.retryAfterSeconds(wait.get())));
                problem(response, 429, "too_many_requests", "Too many attempts",
                        "too many links that can no longer be used were tried from this address; wait and retry",
                        null);
            } else {
                pages.tooManyRequests(response, wait.get());
            }
            return;
        }
        String submitted = json ? request.getHeader(CsrfGuard.HEADER) : HostedRequests.formCsrf(request);
        CsrfGuard.Verdict verdict = CsrfGuard.check(HostedRequests.csrfCookie(request).orElse(null), submitted,
                request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                HostedRequests.selfOrigins(request, settings));
        if (!verdict.accepted()) {
            LOG.info(() -> "hosted form POST refused by the CSRF check (" + verdict + ") from "
                    + request.getRemoteAddr());
            if (json) {
                problem(response, 403, "csrf_check_failed", "Forbidden",
                        "the request did not come from this page; reload the page and try again", null);
            } else {
                pages.forbidden(response);
            }
            return;
        }
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
                problem(response, 410, "link_unavailable", "Gone",
                        "this link can no longer be used; please ask the company that sent it for a new one", null);
            } else {
                pages.unavailable(response);
            }
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "a hosted payment method form request failed", unexpected);
            if (json) {
                problem(response, 500, "internal_error", "Internal error", "nothing was saved; try again later",
                        null);
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

    /** Sandbox tokenization: JSON test details in, a token and display facts out. */
    private void tokens(HttpServletRequest request, HttpServletResponse response, String secret) throws IOException {
        if (settings.mode() != HostedPageSettings.Mode.SANDBOX) {
            problem(response, 404, "not_found", "Not found",
                    "card details are sent to the processor directly, never to this server", null);
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problem(response, 415, "unsupported_media_type", "Unsupported media type", "send application/json",
                    null);
            return;
        }
        JsonObject body = readJson(request);
        if (body == null) {
            problem(response, 400, "malformed_json", "Bad request", "the body must be a JSON object", null);
            return;
        }
        Map<String, String> missing = new LinkedHashMap<>();
        String type = text(body, "type");
        TokenizedPaymentMethod method;
        try {
            if ("card".equals(type)) {
                JsonObject card = object(body, "card");
                String number = required(card, "number", "card.number", missing);
                Integer expMonth = integer(card, "expMonth", "card.expMonth", missing);
                Integer expYear = integer(card, "expYear", "card.expYear", missing);
                String cvc = required(card, "cvc", "card.cvc", missing);
                if (!missing.isEmpty()) {
                    invalid(response, missing);
                    return;
                }
                method = links.tokenizeCard(secret, new CardDetails(number, expMonth, expYear, cvc));
            } else if ("ach".equals(type)) {
                JsonObject account = object(body, "bankAccount");
                String routing = required(account, "routingNumber", "bankAccount.routingNumber", missing);
                String number = required(account, "accountNumber", "bankAccount.accountNumber", missing);
                String holder = required(account, "holderName", "bankAccount.holderName", missing);
                if (!missing.isEmpty()) {
                    invalid(response, missing);
                    return;
                }
                method = links.tokenizeBankAccount(secret, new BankAccountDetails(routing, number, holder));
            } else {
                invalid(response, Map.of("type", "Choose card or US bank account."));
                return;
            }
        } catch (DomainException refused) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            if (refused.field() != null) {
                errors.add(fieldError(refused.field(), refused.code(), sentence(refused.getMessage())));
            }
            problem(response, 422, refused.code(), "Details refused", sentence(refused.getMessage()), errors);
            return;
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("token", method.token())
                .add("type", method.type() == PaymentMethodType.ACH ? "ach" : "card").add("last4", method.last4());
        addIfPresent(out, "brand", method.brand());
        addIfPresent(out, "bankName", method.bankName());
        if (method.expMonth() != null) {
            out.add("expMonth", method.expMonth());
        }
        if (method.expYear() != null) {
            out.add("expYear", method.expYear());
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(out.build().toString());
    }

    /**
     * Stripe mode's SetupIntent for this link's customer: the page gives its client secret to Stripe.js, which takes
     * the card or bank details and confirms it; the page then submits the resulting PaymentMethod id as its token. The
     * client secret goes to this page only, never to a log.
     */
    private void setupIntent(HttpServletResponse response, String secret) throws IOException {
        if (settings.mode() != HostedPageSettings.Mode.STRIPE) {
            problem(response, 404, "not_found", "Not found", "the sandbox takes details through its own tokens", null);
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

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "The details were refused.";
        }
        String text = message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }





    /** The body as a JSON object, or {@code null} when it is not one (or too large). Never logged. */
    private static JsonObject readJson(HttpServletRequest request) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException malformed) {
            return null;
        }
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject()
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }

    private static String required(JsonObject object, String key, String field, Map<String, String> missing) {
        String value = text(object, key);
        if (value == null || value.isBlank()) {
            missing.put(field, "This field is required.");
            return null;
        }
        return value.strip();
    }

    private static Integer integer(JsonObject object, String key, String field, Map<String, String> missing) {
        String value = required(object, key, field, missing);
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,4}")) {
            missing.put(field, "Enter a number.");
            return null;
        }
        return Integer.valueOf(value);
    }

    private static void invalid(HttpServletResponse response, Map<String, String> fields) throws IOException {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        fields.forEach((field, message) -> errors.add(fieldError(field, "required", message)));
        problem(response, 422, "validation_failed", "Invalid details", "some details are missing or invalid",
                errors);
    }

    private static JsonObjectBuilder fieldError(String field, String code, String message) {
        return Json.createObjectBuilder().add("field", field).add("code", code).add("message", message);
    }

    private static void addIfPresent(JsonObjectBuilder out, String key, String value) {
        if (value != null) {
            out.add(key, value);
        }
    }

    private static void problem(HttpServletResponse response, int status, String code, String title, String detail,
            JsonArrayBuilder errors) throws IOException {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "https://paydesk.org/problems/" + code.replace('_', '-')).add("title", title)
                .add("status", status).add("detail", detail).add("code", code);
        if (errors != null) {
            problem.add("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.build().toString());
    }
}
