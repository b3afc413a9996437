package org.paydesk.adapters.rest.hosted;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for the hosted pages, by double submit: the GET that renders a form sets a
 * random token in an HttpOnly, SameSite=Strict cookie and writes the same token into the page; every POST must send
 * it back (form field or {@value #HEADER} header) equal to the cookie. A page on another site can neither read the
 * cookie nor make the browser send it (SameSite=Strict), so it cannot forge a matching pair.
 *
 * <p>On top of that, the request must not come from another site by the browser's own account: an {@code Origin}
 * header, when present, must be this server's (as the request addressed it, or as {@code paydesk.public-url} names
 * it when a proxy terminates TLS in front), and a {@code Sec-Fetch-Site} header, when present, must say
 * {@code same-origin}. {@code Origin: null} is what a browser sends for a form posted from a page whose
 * {@code Referrer-Policy} is {@code no-referrer} (ours), so it does not count as a foreign origin; the token and
 * {@code Sec-Fetch-Site} still decide.
 *
 * <p>The cookie cannot carry the {@code __Host-} prefix, which needs HTTPS, because the embedded default serves plain
 * HTTP; it is marked {@code Secure} whenever the request came over HTTPS.
 */
final class CsrfGuard {

    static final String COOKIE = "pd_csrf";
    static final String FIELD = "csrf";
    static final String HEADER = "X-CSRF-Token";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a request was refused, or {@link #ACCEPTED}. */
    enum Verdict {
        ACCEPTED, NO_COOKIE, NO_TOKEN, TOKEN_MISMATCH, FOREIGN_ORIGIN, CROSS_SITE_FETCH;

        boolean accepted() {
            return this == ACCEPTED;
        }
    }

    private CsrfGuard() {
    }

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a cookie's value looks like a token this class issued (so it may be reused for another tab). */
    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** The {@code Set-Cookie} value for a token: path /pay, HttpOnly, SameSite=Strict, a browser-session cookie. */
    static String cookieHeader(String token, boolean secure) {
        return COOKIE + "=" + token + "; Path=/pay; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /**
     * @param cookieToken the {@value #COOKIE} cookie's value, or {@code null}
     * @param submitted the token from the form field or header, or {@code null}
     * @param origin the request's {@code Origin} header, or {@code null}
     * @param fetchSite the request's {@code Sec-Fetch-Site} header, or {@code null}
     * @param selfOrigins this server's origins, e.g. {@code http://localhost:8080}
     */
    static Verdict check(String cookieToken, String submitted, String origin, String fetchSite,
            Collection<String> selfOrigins) {
        if (fetchSite != null && !"same-origin".equalsIgnoreCase(fetchSite.strip())) {
            return Verdict.CROSS_SITE_FETCH;
        }
        if (origin != null && !"null".equals(origin.strip()) && !sameOrigin(origin, selfOrigins)) {
            return Verdict.FOREIGN_ORIGIN;
        }
        if (!wellFormed(cookieToken)) {
            return Verdict.NO_COOKIE;
        }
        if (submitted == null || submitted.isEmpty()) {
            return Verdict.NO_TOKEN;
        }
        boolean equal = MessageDigest.isEqual(cookieToken.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
        return equal ? Verdict.ACCEPTED : Verdict.TOKEN_MISMATCH;
    }

    /** {@code scheme://host[:port]}, leaving out the scheme's default port as browsers do. */
    static String origin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port <= 0 || ("http".equals(lowerScheme) && port == 80)
                || ("https".equals(lowerScheme) && port == 443);
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return lowerScheme + "://" + hostPart.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static boolean sameOrigin(String origin, Collection<String> selfOrigins) {
        return selfOrigins.stream().anyMatch(self -> origin.strip().equalsIgnoreCase(self));
    }

    /** The origin of an absolute URL such as {@code https://pay.example.com/base}, or empty when it has none. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(origin(uri.getScheme(), uri.getHost(), uri.getPort()));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
