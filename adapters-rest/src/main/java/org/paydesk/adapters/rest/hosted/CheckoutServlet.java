package org.paydesk.adapters.rest.hosted;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.PaymentMethodTypes;
import org.paydesk.adapters.rest.shared.Roles;
import org.paydesk.application.cart.port.in.CartUseCase;
import org.paydesk.application.cart.port.in.CheckoutCommand;
import org.paydesk.application.cart.port.in.CheckoutUseCase;
import org.paydesk.application.customer.port.in.BuyerAccountsUseCase;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.order.port.in.FindOrdersQuery;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;
import org.paydesk.domain.cart.CartStatus;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * The hosted checkout of a buyer's cart, {@code /pay/checkout/{cartId}}, for storefronts that do not build their own:
 * <ul>
 * <li>{@code GET} shows the cart's lines and total as Paydesk holds them, the payment options (card, with the
 * wallets the merchant enabled, and US bank account) and the card or bank fields (sandbox) or Stripe Elements. It
 * sets the CSRF cookie and gives the form a fresh idempotency key; it changes nothing.</li>
 * <li>{@code POST} (form: {@code type}, {@code token}, {@code idempotencyKey}, {@code csrf}) pays the cart by
 * {@link CheckoutUseCase} and shows the outcome: paid, processing (ACH), not yet known, or declined with the reason
 * and the form again, with a new key, to retry.</li>
 * </ul>
 * The browser tokenizes: in sandbox mode through the sandbox tokenizer of the API ({@code POST
 * /api/v1/sandbox/payment-methods}, the only endpoint that takes test card numbers), in Stripe mode through Stripe.js;
 * the form post carries only the token. The idempotency key is per rendered page and the request's fingerprint is
 * the cart, so a double click, a reload of the result or a retry after a lost answer replays the first outcome
 * instead of paying again; a page rendered after a decline has a new key, so the retry is a new attempt.
 *
 * <p>Only the cart's owner gets the page: web.xml lets only signed-in buyers in, and any cart not of the buyer's
 * customer answers the same 404 page as a cart that does not exist.
 */
@WebServlet(name = "HostedCheckout", urlPatterns = "/pay/checkout/*")
// Signed-in e-commerce buyers only (web.xml constrains /pay/checkout/* to BUYER); the cart must be theirs.
@RolesAllowed(Roles.BUYER)
public class CheckoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CheckoutServlet.class.getName());
    /** How long a post waits for an earlier post of the same page (a double click) to finish, to show its outcome. */
    static final Duration SAME_KEY_WAIT = Duration.ofSeconds(20);
    private static final long SAME_KEY_POLL_MILLIS = 200;
    /** The sandbox tokenizer the page's script sends test details to, under the web module's context path. */
    static final String SANDBOX_TOKENIZER = "/api/v1/sandbox/payment-methods";

    @Inject
    transient CartUseCase carts;
    @Inject
    transient CheckoutUseCase checkout;
    @Inject
    transient FindOrdersQuery orders;
    @Inject
    transient BuyerAccountsUseCase buyers;
    @Inject
    transient HostedPageSettings settings;

    /** The cart id of {@code /{cartId}}: a positive number, and nothing after it. */
    static OptionalLong cartIdOf(String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/[1-9][0-9]{0,17}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(pathInfo.substring(1)));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CheckoutPages pages = new CheckoutPages(request.getContextPath());
        try {
            Optional<Buyer> buyer = buyer(request);
            if (buyer.isEmpty()) {
                pages.notFound(response);
                return;
            }
            String csrf = HostedRequests.csrfCookie(request).filter(CsrfGuard::wellFormed)
                    .orElseGet(CsrfGuard::newToken);
            response.addHeader("Set-Cookie", CsrfGuard.cookieHeader(csrf, HostedRequests.secure(request, settings)));
            showForm(request, response, pages, buyer.get(), csrf, 200, "card", null, null);
        } catch (NotFoundException notFound) {
            pages.notFound(response);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "the checkout page could not be shown", unexpected);
            pages.failed(response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CheckoutPages pages = new CheckoutPages(request.getContextPath());
        String submittedCsrf = HostedRequests.formCsrf(request);
        CsrfGuard.Verdict verdict = CsrfGuard.check(HostedRequests.csrfCookie(request).orElse(null), submittedCsrf,
                request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                HostedRequests.selfOrigins(request, settings));
        if (!verdict.accepted()) {
            LOG.info(() -> "checkout POST refused by the CSRF check (" + verdict + ") from "
                    + request.getRemoteAddr());
            pages.forbidden(response);
            return;
        }
        Optional<Buyer> found;
        try {
            found = buyer(request);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "the buyer of a checkout could not be found", unexpected);
            pages.failed(response);
            return;
        }
        if (found.isEmpty()) {
            pages.notFound(response);
            return;
        }
        Buyer buyer = found.get();
        String csrf = submittedCsrf;
        String type = request.getParameter("type");
        String selected = "ach".equals(type) ? "ach" : "card";
        try {
            pay(request, response, pages, buyer, csrf, type, selected);
        } catch (NotFoundException notFound) {
            pages.notFound(response);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "a checkout failed", unexpected);
            pages.failed(response);
        }
    }

    private void pay(HttpServletRequest request, HttpServletResponse response, CheckoutPages pages, Buyer buyer,
            String csrf, String type, String selected) throws IOException {
        String token = request.getParameter("token");
        String key = request.getParameter("idempotencyKey");
        if (!CsrfGuard.wellFormed(key)) {
            showForm(request, response, pages, buyer, csrf, 422, selected,
                    "This page has expired. Please enter your payment details again and press Pay.", null);
            return;
        }
        PaymentMethod method;
        try {
            PaymentMethodType methodType = PaymentMethodTypes.fromJson(type);
            method = new PaymentMethod(methodType, token == null ? null : token.strip());
        } catch (DomainException missing) {
            showForm(request, response, pages, buyer, csrf, 422, selected,
                    "Please enter your card or bank account details and press Pay again.", null);
            return;
        }
        Actor actor = new Actor(buyer.login(), request.getRemoteAddr());
        CheckoutCommand command = new CheckoutCommand(buyer.cart(), buyer.customer(), method, null, false, actor);
        String scope = buyer.login() + " POST /pay/checkout/" + buyer.cart();
        IdempotentRequest idempotent = IdempotencyGate.request(key, scope, "checkout of cart " + buyer.cart());
        CheckoutOutcome outcome;
        try {
            IdempotentAnswer answer = checkoutWaitingForSameKey(command, idempotent);
            outcome = CheckoutOutcome.from(answer.response());
        } catch (ConflictException conflict) {
            switch (conflict.code()) {
                case "order_already_paid", "order_already_confirmed" -> {
                    Cart cart = carts.get(buyer.cart(), buyer.customer());
                    pages.alreadyPaid(response, 409, cart.orderId() == null ? null : orders.get(cart.orderId()));
                }
                case "payment_in_progress", "request_in_progress" -> pages.inProgress(response);
                default -> showForm(request, response, pages, buyer, csrf, 409, selected,
                        "Your cart changed while you were paying. Please check it and press Pay again.", null);
            }
            return;
        } catch (InvalidRequestException invalid) {
            showForm(request, response, pages, buyer, csrf, 422, selected,
                    "Please enter your card or bank account details and press Pay again.", null);
            return;
        } catch (DomainException refused) {
            refused(request, response, pages, buyer, csrf, selected, refused);
            return;
        }
        switch (outcome.status()) {
            case SUCCEEDED -> pages.succeeded(response, outcome);
            case PROCESSING -> {
                if (outcome.method().settlesAsynchronously()) {
                    pages.processing(response, outcome);
                } else {
                    pages.pending(response, outcome);
                }
            }
            case FAILED -> showForm(request, response, pages, buyer, csrf, 402,
                    outcome.method() == PaymentMethodType.ACH ? "ach" : "card",
                    CheckoutPages.declineMessage(outcome.failureCode(), outcome.declineCode()),
                    CheckoutPages.reasonCode(outcome.failureCode(), outcome.declineCode()));
            default -> pages.pending(response, outcome);
        }
    }

    /**
     * Checks out; when an earlier post of the same page is still running (a double click), waits for it and answers
     * its outcome, so the buyer sees the payment's result rather than a "try again".
     */
    private IdempotentAnswer checkoutWaitingForSameKey(CheckoutCommand command, IdempotentRequest idempotent) {
        long deadline = System.nanoTime() + SAME_KEY_WAIT.toNanos();
        while (true) {
            try {
                return checkout.checkout(command, idempotent,
                        payment -> CheckoutOutcome.of(payment, orders.paidBy(payment.id()).orElse(null)).stored());
            } catch (ConflictException conflict) {
                if (!"request_in_progress".equals(conflict.code()) || System.nanoTime() > deadline) {
                    throw conflict;
                }
            }
            try {
                Thread.sleep(SAME_KEY_POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ConflictException("request_in_progress", "idempotencyKey", "interrupted while waiting");
            }
        }
    }

    /** A business rule refused the checkout before anything was charged. */
    private void refused(HttpServletRequest request, HttpServletResponse response, CheckoutPages pages, Buyer buyer,
            String csrf, String selected, DomainException refused) throws IOException {
        switch (refused.code()) {
            case "cart_empty", "order_empty" -> pages.emptyCart(response, 422);
            case "order_cancelled" -> {
                Cart cart = carts.get(buyer.cart(), buyer.customer());
                if (cart.orderId() == null) {
                    pages.notFound(response);
                } else {
                    pages.cancelled(response, orders.get(cart.orderId()));
                }
            }
            default -> showForm(request, response, pages, buyer, csrf, 422, selected, refusal(refused), null);
        }
    }

    /** What to tell the buyer when the checkout was refused before any charge. */
    static String refusal(DomainException refused) {
        return switch (refused.code()) {
            case "wallet_not_enabled", "wallet_not_supported" ->
                "This wallet is not available right now. Please pay by card or bank account.";
            case "invalid_payment_method_token", "payment_method_not_found", "payment_method_type_mismatch" ->
                "We could not use those payment details. Please enter them again and press Pay.";
            case "idempotency_key_reused", "invalid_idempotency_key" ->
                "This page has expired. Please enter your payment details again and press Pay.";
            default -> "We could not take this payment (" + refused.code()
                    + "). Please try again or use another payment method.";
        };
    }

    /**
     * Renders the form for the cart as it stands now, or the page that replaces it: already paid, cancelled, empty.
     */
    private void showForm(HttpServletRequest request, HttpServletResponse response, CheckoutPages pages, Buyer buyer,
            String csrf, int status, String selected, String error, String reasonCode) throws IOException {
        Cart cart = carts.get(buyer.cart(), buyer.customer());
        List<OrderLine> lines = cart.lines();
        Money total = cart.total();
        String orderNumber = null;
        if (cart.status() == CartStatus.CHECKED_OUT) {
            SalesOrder order = orders.get(cart.orderId());
            if (order.status() == OrderStatus.CONFIRMED) {
                pages.alreadyPaid(response, 200, order);
                return;
            }
            if (order.status() == OrderStatus.CANCELLED) {
                pages.cancelled(response, order);
                return;
            }
            lines = order.lines();
            total = order.total();
            orderNumber = order.number();
        }
        if (lines.isEmpty()) {
            pages.emptyCart(response, status == 200 ? 200 : 422);
            return;
        }
        String action = request.getContextPath() + "/pay/checkout/" + buyer.cart();
        pages.form(response, status, new CheckoutPages.Form(action, request.getContextPath() + SANDBOX_TOKENIZER,
                csrf, CsrfGuard.newToken(), settings.mode(), settings.stripePublishableKey(), lines, total,
                orderNumber, carts.paymentOptions(buyer.cart(), buyer.customer()), selected, error, reasonCode));
    }

    /** The signed-in buyer, their customer and the cart asked for; empty when the path names no cart. */
    private Optional<Buyer> buyer(HttpServletRequest request) {
        OptionalLong cartId = cartIdOf(request.getPathInfo());
        Principal principal = request.getUserPrincipal();
        if (cartId.isEmpty() || principal == null) {
            return Optional.empty();
        }
        Optional<CustomerId> customer = buyers.customerOf(principal.getName());
        return customer.map(owner -> new Buyer(principal.getName(), owner, new CartId(cartId.getAsLong())));
    }

    /** Who pays which cart. */
    private record Buyer(String login, CustomerId customer, CartId cart) {
    }




}
