package org.paydesk.adapters.rest.hosted;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** What every hosted page reads from a request to guard its forms: the CSRF cookie and token, and its own origins. */
final class HostedRequests {

    private HostedRequests() {
    }

    /** The CSRF cookie's value, if the browser sent one. */
    static Optional<String> csrfCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (CsrfGuard.COOKIE.equals(cookie.getName())) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The CSRF token a form sent (its field, or the header a script sets). */
    static String formCsrf(HttpServletRequest request) {
        String field = request.getParameter(CsrfGuard.FIELD);
        return field != null ? field : request.getHeader(CsrfGuard.HEADER);
    }

    /** This server's origin as the request addressed it, and the configured public one (a TLS proxy's). */
    static Set<String> selfOrigins(HttpServletRequest request, HostedPageSettings settings) {
        Set<String> origins = new HashSet<>();
        origins.add(CsrfGuard.origin(request.getScheme(), request.getServerName(), request.getServerPort()));
        settings.publicOrigin().ifPresent(origins::add);
        return origins;
    }

    /** Whether the browser reached us over HTTPS, directly or through the public URL's proxy. */
    static boolean secure(HttpServletRequest request, HostedPageSettings settings) {
        return request.isSecure() || settings.publicOrigin().filter(o -> o.startsWith("https:")).isPresent();
    }

    /**
     * The checks every POST of a page opened by a link's secret passes before anything else: a known page and action,
     * the wrong-secret limit of the caller's address, and the CSRF check. A refusal is answered here: a problem for
     * the page script's JSON actions, a page for the form post.
     *
     * @param actions the actions the page's script may post to ({@code .../{secret}/<action>})
     * @param page what the page is, for the log
     * @return the route to serve, or empty when the request was refused and answered
     */
    static Optional<PaymentMethodFormServlet.Route> admitPost(HttpServletRequest request,
            HttpServletResponse response, HostedPages pages, HostedPageSettings settings, WrongSecretLimiter limiter,
            Set<String> actions, String page, Logger log) throws IOException {
        Optional<PaymentMethodFormServlet.Route> route = PaymentMethodFormServlet.Route.of(request.getPathInfo());
        String action = route.map(PaymentMethodFormServlet.Route::action).orElse(null);
        boolean json = action != null;
        if (route.isEmpty() || (action != null && !actions.contains(action))) {
            if (json) {
                HostedJson.problem(response, 404, "not_found", "Not found", "there is no such page", null);
            } else {
                pages.notFound(response);
            }
            return Optional.empty();
        }
        Optional<Duration> wait = limiter.retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            if (json) {
                response.setHeader("Retry-After", Long.toString(HostedPages.retryAfterSeconds(wait.get())));
                HostedJson.problem(response, 429, "too_many_requests", "Too many attempts",
                        "too many links that can no longer be used were tried from this address; wait and retry",
                        null);
            } else {
                pages.tooManyRequests(response, wait.get());
            }
            return Optional.empty();
        }
        String submitted = json ? request.getHeader(CsrfGuard.HEADER) : formCsrf(request);
        CsrfGuard.Verdict verdict = CsrfGuard.check(csrfCookie(request).orElse(null), submitted,
                request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), selfOrigins(request, settings));
        if (!verdict.accepted()) {
            log.info(() -> page + " POST refused by the CSRF check (" + verdict + ") from " + request.getRemoteAddr());
            if (json) {
                HostedJson.problem(response, 403, "csrf_check_failed", "Forbidden",
                        "the request did not come from this page; reload the page and try again", null);
            } else {
                pages.forbidden(response);
            }
            return Optional.empty();
        }
        return route;
    }
}
