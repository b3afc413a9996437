package org.paydesk.adapters.rest.paymentmethod;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_PAYABLE;
import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.BUYER;
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
import jakarta.ws.rs.DELETE;
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
import org.paydesk.adapters.rest.shared.CustomerAccess;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.PaymentMethodTypes;
import org.paydesk.application.paymentmethod.port.in.AddPaymentMethodCommand;
import org.paydesk.application.paymentmethod.port.in.ManagePaymentMethodsUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/**
 * A customer's Payment Methods tab: saved processor tokens. Staff reach every customer; an e-commerce buyer only
 * their own (404 for anyone else's).
 */
@Path("/customers/{customerId}/payment-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentMethodResource {

    @Inject
    ManagePaymentMethodsUseCase methods;
    @Inject
    CustomerAccess access;
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

    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, BUYER})
    public List<PaymentMethodJson> list(@PathParam("customerId") long customerId) {
        return methods.list(access.reachable(security, customerId)).stream().map(PaymentMethodJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, BUYER})
    public Response add(@PathParam("customerId") long customerId, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        CustomerId customer = access.reachable(security, customerId);
        Actor actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /customers/" + customerId + "/payment-methods", body,
                requestKey -> {
                    AddPaymentMethodJson in = json.read(body, AddPaymentMethodJson.class);
                    Fields fields = new Fields();
                    AddPaymentMethodJson.Method given = fields.required("paymentMethod", in.paymentMethod());
                    PaymentMethod method = given == null ? null : fields.attempt("paymentMethod",
                            () -> new PaymentMethod(PaymentMethodTypes.fromJson(given.type()), given.token()));
                    fields.throwIfAny();
                    PaymentMethodToken saved = methods.add(new AddPaymentMethodCommand(customer, method,
                            Boolean.TRUE.equals(in.makeDefault()), actor));
                    return Response.created(uri.getAbsolutePathBuilder().path(saved.id().toString()).build())
                            .type(MediaType.APPLICATION_JSON).entity(PaymentMethodJson.of(saved)).build();
                });
    }

    @POST
    @Path("/{methodId}/default")
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, BUYER})
    public PaymentMethodJson makeDefault(@PathParam("customerId") long customerId,
            @PathParam("methodId") long methodId) {
        CustomerId customer = access.reachable(security, customerId);
        return PaymentMethodJson.of(methods.makeDefault(customer, methodId(methodId),
                Callers.actor(security, request)));
    }

    @DELETE
    @Path("/{methodId}")
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, BUYER})
    public Response remove(@PathParam("customerId") long customerId, @PathParam("methodId") long methodId) {
        CustomerId customer = access.reachable(security, customerId);
        methods.remove(customer, methodId(methodId), Callers.actor(security, request));
        return Response.noContent().build();
    }

    private static PaymentMethodTokenId methodId(long id) {
        if (id <= 0) {
            throw new NotFoundException("payment method " + id);
        }
        return new PaymentMethodTokenId(id);
    }
}
