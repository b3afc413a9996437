package org.paydesk.adapters.rest.paymentlink;

import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.CASHIER;
import static org.paydesk.adapters.rest.shared.Roles.SALES;
import static org.paydesk.adapters.rest.shared.Roles.SALES_ALLOCATIONS;
import static org.paydesk.adapters.rest.shared.Roles.SALES_MANAGER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.application.paymentlink.port.in.SendOrderLinkCommand;
import org.paydesk.application.paymentlink.port.in.SendPaymentLinkUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.order.SalesOrderId;

/**
 * Order Entry's "email invoice": the invoice of a confirmed order as a PDF with a Pay link, as
 * {@link InvoicePaymentLinkResource} sends it; an order not confirmed yet has no invoice ({@code 422
 * order_not_invoiced}). Roles: Admin, Cashier, Sales, Sales Allocations, Sales Manager.
 */
@Path("/orders/{orderId}/payment-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderPaymentLinkResource {

    @Inject
    SendPaymentLinkUseCase links;
    @Inject
    JsonBodies json;
    @Inject
    IdempotencyGate idempotency;
    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, CASHIER, SALES, SALES_ALLOCATIONS, SALES_MANAGER})
    public Response send(@PathParam("orderId") long orderId, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        if (orderId <= 0) {
            throw new NotFoundException("order " + orderId);
        }
        Actor actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /orders/" + orderId + "/payment-links", body,
                requestKey -> {
                    SendPaymentLinkJson in = json.read(body, SendPaymentLinkJson.class);
                    return PaymentLinkResource.created(uri, links.sendForOrder(new SendOrderLinkCommand(
                            new SalesOrderId(orderId), in.email(), actor)));
                });
    }
}
