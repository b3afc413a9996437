package org.paydesk.adapters.rest.customer;

import static org.paydesk.adapters.rest.shared.Roles.BUYER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.paydesk.adapters.rest.shared.CustomerAccess;
import org.paydesk.application.customer.port.in.FindCustomersQuery;

/** An e-commerce buyer's own customer record. */
@Path("/buyer")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BuyerResource {

    @Inject
    FindCustomersQuery customers;
    @Inject
    CustomerAccess access;
    @Context
    SecurityContext security;

    /** The customer the signed-in buyer acts for. */
    @GET
    @Path("/customer")
    @RolesAllowed(BUYER)
    public CustomerJson mine() {
        return CustomerJson.of(customers.get(access.buyersCustomer(security)));
    }
}
