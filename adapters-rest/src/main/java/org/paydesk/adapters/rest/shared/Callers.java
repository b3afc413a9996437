package org.paydesk.adapters.rest.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import org.paydesk.application.shared.Actor;

/** Who is calling, for audit records and for scoping idempotency keys. */
public final class Callers {

    private Callers() {
    }

    public static Actor actor(SecurityContext security, HttpServletRequest request) {
        String name = security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
        return new Actor(name, request.getRemoteAddr());
    }
}
