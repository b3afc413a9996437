package org.paydesk.adapters.rest.paymentmethod;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_PAYABLE;
import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.CASHIER;
import static org.paydesk.adapters.rest.shared.Roles.CREDIT_MANAGER;
import static org.paydesk.adapters.rest.shared.Roles.SALES;
import static org.paydesk.adapters.rest.shared.Roles.SALES_ALLOCATIONS;
import static org.paydesk.adapters.rest.shared.Roles.SALES_MANAGER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.List;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.application.paymentmethod.port.in.PaymentMethodRequestView;
import org.paydesk.application.paymentmethod.port.in.RequestPaymentMethodCommand;
import org.paydesk.application.paymentmethod.port.in.RequestPaymentMethodUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestId;

/**
 * "Request payment method": staff email a customer a single-use link (valid 4 hours) to a hosted form where the
 * customer adds a card or bank account themselves. All eight staff roles may send, list and revoke.
 */
@Path("/customers/{customerId}/payment-method-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentMethodRequestResource {

    @Inject
    RequestPaymentMethodUseCase requests;
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
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER})
    public Response send(@PathParam("customerId") long customerId, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        CustomerId customer = customer(customerId);
        Actor actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /customers/" + customerId + "/payment-method-requests",
                body, requestKey -> {
                    RequestPaymentMethodJson in = json.read(body, RequestPaymentMethodJson.class);
                    PaymentMethodRequestView sent = requests.request(
                            new RequestPaymentMethodCommand(customer, in.email(), actor));
                    return Response.created(uri.getAbsolutePathBuilder().path(sent.request().id().toString()).build())
                            .type(MediaType.APPLICATION_JSON).entity(PaymentMethodRequestJson.of(sent)).build();
                });
    }

    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER})
    public List<PaymentMethodRequestJson> list(@PathParam("customerId") long customerId) {
        return requests.list(customer(customerId)).stream().map(PaymentMethodRequestJson::of).toList();
    }

    @POST
    @Path("/{requestId}/revoke")
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER})
    public PaymentMethodRequestJson revoke(@PathParam("customerId") long customerId,
            @PathParam("requestId") long requestId) {
        if (requestId <= 0) {
            throw new NotFoundException("payment method request " + requestId);
        }
        return PaymentMethodRequestJson.of(requests.revoke(customer(customerId),
                new PaymentMethodRequestId(requestId), Callers.actor(security, request)));
    }

    private static CustomerId customer(long id) {
        if (id <= 0) {
            throw new NotFoundException("customer " + id);
        }
        return new CustomerId(id);
    }
}
