package org.paydesk.adapters.rest.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsrfGuardTest {

    private static final Set<String> SELF = Set.of("http://localhost:8080");
    private static final String HERE = "http://localhost:8080";
    private final String token = CsrfGuard.newToken();

    @Test
    void a_post_carrying_the_cookie_token_from_this_origin_is_accepted() {
        assertEquals(CsrfGuard.Verdict.ACCEPTED, CsrfGuard.check(token, token, HERE, "same-origin", SELF));
    }

    @Test
    void a_post_without_origin_or_fetch_metadata_is_judged_by_the_token_alone() {
        assertEquals(CsrfGuard.Verdict.ACCEPTED, CsrfGuard.check(token, token, null, null, SELF));
    }

    @Test
    void a_post_without_a_token_is_refused() {
        assertEquals(CsrfGuard.Verdict.NO_TOKEN, CsrfGuard.check(token, null, HERE, null, SELF));
        assertEquals(CsrfGuard.Verdict.NO_TOKEN, CsrfGuard.check(token, "", HERE, null, SELF));
    }

    @Test
    void a_post_without_the_cookie_is_refused_even_with_a_well_formed_token() {
        assertEquals(CsrfGuard.Verdict.NO_COOKIE, CsrfGuard.check(null, token, HERE, null, SELF));
        assertEquals(CsrfGuard.Verdict.NO_COOKIE, CsrfGuard.check("short", "short", HERE, null, SELF));
    }

    @Test
    void a_token_other_than_the_cookie_is_refused() {
        assertEquals(CsrfGuard.Verdict.TOKEN_MISMATCH,
                CsrfGuard.check(token, CsrfGuard.newToken(), HERE, null, SELF));
        assertEquals(CsrfGuard.Verdict.TOKEN_MISMATCH, CsrfGuard.check(token, token + "x", HERE, null, SELF));
    }

    @Test
    void a_post_from_another_origin_is_refused_even_with_matching_tokens() {
        assertEquals(CsrfGuard.Verdict.FOREIGN_ORIGIN,
                CsrfGuard.check(token, token, "https://evil.example", null, SELF));
        assertEquals(CsrfGuard.Verdict.FOREIGN_ORIGIN,
                CsrfGuard.check(token, token, "http://localhost:8081", null, SELF));
        assertEquals(CsrfGuard.Verdict.FOREIGN_ORIGIN,
                CsrfGuard.check(token, token, "https://localhost:8080", null, SELF));
    }

    @Test
    void a_browser_that_calls_the_request_cross_site_is_refused() {
        assertEquals(CsrfGuard.Verdict.CROSS_SITE_FETCH, CsrfGuard.check(token, token, null, "cross-site", SELF));
        assertEquals(CsrfGuard.Verdict.CROSS_SITE_FETCH, CsrfGuard.check(token, token, null, "same-site", SELF));
    }

    @Test
    void an_opaque_origin_from_our_no_referrer_form_post_is_not_a_foreign_origin() {
        // Referrer-Policy: no-referrer makes browsers send "Origin: null" with a form post; Sec-Fetch-Site still says
        // where it came from.
        assertEquals(CsrfGuard.Verdict.ACCEPTED, CsrfGuard.check(token, token, "null", "same-origin", SELF));
        assertEquals(CsrfGuard.Verdict.CROSS_SITE_FETCH, CsrfGuard.check(token, token, "null", "cross-site", SELF));
        assertEquals(CsrfGuard.Verdict.TOKEN_MISMATCH,
                CsrfGuard.check(token, CsrfGuard.newToken(), "null", "same-origin", SELF));
    }

    @Test
    void origins_are_compared_as_browsers_write_them() {
        assertEquals("http://localhost:8080", CsrfGuard.origin("http", "localhost", 8080));
        assertEquals("http://127.0.0.1", CsrfGuard.origin("http", "127.0.0.1", 80));
        assertEquals("https://pay.example", CsrfGuard.origin("HTTPS", "Pay.Example", 443));
        assertEquals("http://[::1]:8080", CsrfGuard.origin("http", "::1", 8080));
        assertEquals(CsrfGuard.Verdict.ACCEPTED,
                CsrfGuard.check(token, token, "HTTP://LOCALHOST:8080", null, SELF));
    }

    @Test
    void the_public_url_behind_a_tls_proxy_is_one_of_our_origins() {
        Set<String> behindProxy = Set.of("http://10.0.0.5:8080", CsrfGuard.originOf("https://pay.example.com/").get());
        assertEquals(CsrfGuard.Verdict.ACCEPTED,
                CsrfGuard.check(token, token, "https://pay.example.com", "same-origin", behindProxy));
        assertEquals(Optional.of("http://127.0.0.1:8080"), CsrfGuard.originOf("http://127.0.0.1:8080"));
        assertEquals(Optional.empty(), CsrfGuard.originOf("not a url"));
    }

    @Test
    void tokens_are_random_url_safe_and_recognisable() {
        String other = CsrfGuard.newToken();
        assertNotEquals(token, other);
        assertTrue(CsrfGuard.wellFormed(token), token);
        assertFalse(CsrfGuard.wellFormed("not a token"));
        assertFalse(CsrfGuard.wellFormed(null));
        assertFalse(CsrfGuard.wellFormed(token + "\"; Path=/"));
    }

    @Test
    void the_cookie_is_http_only_strict_same_site_scoped_to_pay_and_secure_over_https() {
        assertEquals("pd_csrf=" + token + "; Path=/pay; HttpOnly; SameSite=Strict",
                CsrfGuard.cookieHeader(token, false));
        assertEquals("pd_csrf=" + token + "; Path=/pay; HttpOnly; SameSite=Strict; Secure",
                CsrfGuard.cookieHeader(token, true));
    }
}
