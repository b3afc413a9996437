package org.paydesk.adapters.rest.customer;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_PAYABLE;
import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.CASHIER;
import static org.paydesk.adapters.rest.shared.Roles.CREDIT_MANAGER;
import static org.paydesk.adapters.rest.shared.Roles.INTEGRATION;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.PageJson;
import org.paydesk.application.customer.port.in.BuyerAccountsUseCase;
import org.paydesk.application.customer.port.in.FindCustomersQuery;
import org.paydesk.application.customer.port.in.RegisterCustomerCommand;
import org.paydesk.application.customer.port.in.RegisterCustomerUseCase;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;

/** Customers: registered by staff or pushed by the ERP; looked up by everyone who takes payments. */
@Path("/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    RegisterCustomerUseCase register;
    @Inject
    FindCustomersQuery find;
    @Inject
    BuyerAccountsUseCase buyers;
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
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CREDIT_MANAGER, INTEGRATION})
    public Response register(@HeaderParam(IdempotencyGate.HEADER) String key, String body) {
        var actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /customers", body, requestKey -> {
            RegisterCustomerJson in = json.read(body, RegisterCustomerJson.class);
            Customer customer = register.register(
                    new RegisterCustomerCommand(in.number(), in.name(), in.email(), in.currency(), actor));
            return Response.created(uri.getAbsolutePathBuilder().path(customer.id().toString()).build())
                    .entity(CustomerJson.of(customer)).type(MediaType.APPLICATION_JSON).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, INTEGRATION})
    public CustomerJson get(@PathParam("id") long id) {
        return CustomerJson.of(find.get(ids(id)));
    }

    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, INTEGRATION})
    public PageJson<CustomerJson> search(@QueryParam("q") String text, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return PageJson.of(find.search(text, PageRequest.of(page, size)), CustomerJson::of);
    }

    /** Lets the e-commerce buyer login {@code login} act for this customer. */
    @POST
    @Path("/{id}/buyers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, INTEGRATION})
    public Response linkBuyer(@PathParam("id") long id, String body) {
        BuyerLinkJson in = json.read(body, BuyerLinkJson.class);
        buyers.link(in.login(), ids(id), Callers.actor(security, request));
        return Response.noContent().build();
    }

    static CustomerId ids(long id) {
        if (id <= 0) {
            throw new org.paydesk.application.shared.NotFoundException("customer " + id);
        }
        return new CustomerId(id);
    }
}
