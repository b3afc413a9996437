package org.paydesk.adapters.rest.paymentlink;

import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.CASHIER;
import static org.paydesk.adapters.rest.shared.Roles.SALES;
import static org.paydesk.adapters.rest.shared.Roles.SALES_ALLOCATIONS;
import static org.paydesk.adapters.rest.shared.Roles.SALES_MANAGER;

import jakarta.annotation.security.RolesAllowed;
import org.paydesk.application.paymentlink.port.in.PaymentLinkView;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.paydesk.application.paymentlink.port.in.SendPaymentLinkUseCase;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.paymentlink.PaymentLinkId;

/**
 * A payment link as it stands now: its invoices' balances, whether it was opened (and until when it works), paid
 * or expired; never its secret. The roles that send links.
 */
@Path("/payment-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentLinkResource {

    @Inject
    SendPaymentLinkUseCase links;

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, CASHIER, SALES, SALES_ALLOCATIONS, SALES_MANAGER})
    public PaymentLinkJson get(@PathParam("id") long id) {
        if (id <= 0) {
            throw new NotFoundException("payment link " + id);
        }
        return PaymentLinkJson.of(links.get(new PaymentLinkId(id)));
    }

    /** Where a sent link can be read. */
    /** The answer to a link that was sent: {@code 201} with the link, without its secret, and where to read it. */
    static Response created(UriInfo uri, PaymentLinkView sent) {
        return Response.created(uri.getBaseUriBuilder().path(location(sent.link().id().value())).build())
                .type(MediaType.APPLICATION_JSON).entity(PaymentLinkJson.of(sent)).build();
    }

    static String location(long id) {
        return "/payment-links/" + id;
    }
}
