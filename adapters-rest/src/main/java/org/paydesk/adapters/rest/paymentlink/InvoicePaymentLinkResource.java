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
import org.paydesk.application.paymentlink.port.in.PaymentLinkView;
import org.paydesk.application.paymentlink.port.in.SendInvoiceLinkCommand;
import org.paydesk.application.paymentlink.port.in.SendPaymentLinkUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.receivable.ReceivableId;

/**
 * Email an invoice as a PDF with a Pay link ({@code 201}, the link without its secret). A customer opted out of
 * payment links is refused ({@code 422 payment_links_disabled}) and nothing is sent. Roles: Admin, Cashier, Sales,
 * Sales Allocations, Sales Manager.
 */
@Path("/receivables/{receivableId}/payment-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvoicePaymentLinkResource {

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
    public Response send(@PathParam("receivableId") long receivableId,
            @HeaderParam(IdempotencyGate.HEADER) String key, String body) {
        if (receivableId <= 0) {
            throw new NotFoundException("receivable " + receivableId);
        }
        Actor actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /receivables/" + receivableId + "/payment-links", body,
                requestKey -> {
                    SendPaymentLinkJson in = json.read(body, SendPaymentLinkJson.class);
                    PaymentLinkView sent = links.sendForInvoice(new SendInvoiceLinkCommand(
                            new ReceivableId(receivableId), in.email(), actor));
                    return PaymentLinkResource.created(uri, sent);
                });
    }
}
