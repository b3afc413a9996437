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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * Email an invoice as a PDF ({@code 201}): with a Pay link when the customer takes payment links (the answer names
 * the link, without its secret), without one when the customer is opted out ({@code paymentLink} is null). Roles:
 * Admin, Cashier, Sales, Sales Allocations, Sales Manager.
 */
@Path("/receivables/{receivableId}/emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceEmailResource {

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
        return idempotency.execute(key, actor.name() + " POST /receivables/" + receivableId + "/emails", body,
                requestKey -> {
                    SendPaymentLinkJson in = json.read(body, SendPaymentLinkJson.class);
                    Optional<PaymentLinkView> link = links.emailInvoice(new SendInvoiceLinkCommand(
                            new ReceivableId(receivableId), in.email(), actor));
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("invoiceId", receivableId);
                    answer.put("email", in.email());
                    answer.put("paymentLink", link.map(PaymentLinkJson::of).orElse(null));
                    return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                            .entity(answer).build();
                });
    }
}
