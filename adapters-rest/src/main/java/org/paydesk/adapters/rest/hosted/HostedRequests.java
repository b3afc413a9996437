package org.paydesk.adapters.rest.hosted;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

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
}
