package org.paydesk.adapters.rest.hosted;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The security headers of every {@code /pay} response, pages, JSON and static assets alike, set before anything is
 * written so that error answers carry them too. The Content-Security-Policy allows no inline script or style, and
 * no origin but this server and Stripe's (for Stripe.js and its Elements iframes in Stripe mode).
 */
@WebFilter(filterName = "HostedPageHeaders", urlPatterns = "/pay/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class HostedPageHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' https://js.stripe.com; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self' https://api.stripe.com; "
            + "frame-src https://js.stripe.com https://hooks.stripe.com; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
