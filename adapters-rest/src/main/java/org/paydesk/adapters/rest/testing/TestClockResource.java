package org.paydesk.adapters.rest.testing;

import static org.paydesk.adapters.rest.shared.Roles.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.port.in.ClockControlUseCase;

/**
 * Moves Paydesk's clock in test runs (started with {@code -Dpaydesk.testing.clock-control=true}), so time limits
 * are tested without waiting. Anywhere else every call answers 404.
 */
@Path("/testing/clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestClockResource {

    @Inject
    ClockControlUseCase clock;
    @Inject
    JsonBodies json;
    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @POST
    @Path("/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    public ClockJson advance(String body) {
        ClockJson in = json.read(body, ClockJson.class);
        if (in.seconds() == null || in.seconds() < 0) {
            throw new InvalidRequestException("seconds", "invalid_duration", "seconds must be 0 or more");
        }
        return new ClockJson(null, clock.advance(Duration.ofSeconds(in.seconds()),
                Callers.actor(security, request)).toString());
    }

    @POST
    @Path("/reset")
    @RolesAllowed(ADMIN)
    public ClockJson reset() {
        return new ClockJson(null, clock.reset(Callers.actor(security, request)).toString());
    }
}
