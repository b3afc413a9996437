package org.paydesk.adapters.rest.customer;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.CREDIT_MANAGER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.JsonTypes;
import org.paydesk.application.customer.port.in.ChangeCustomerPreferencesUseCase;
import org.paydesk.domain.customer.CustomerPreferences;

/**
 * A customer's preferences: payment required upon order confirmation, payment links, receipts. All three are sent
 * every time ({@code PUT} replaces them), so no default silently changes one a client did not mean to touch.
 */
@Path("/customers/{id}/preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPreferencesResource {

    @Inject
    ChangeCustomerPreferencesUseCase preferences;
    @Inject
    JsonBodies json;
    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, CREDIT_MANAGER, ACCOUNTS_RECEIVABLE})
    public CustomerJson change(@PathParam("id") long id, String body) {
        CustomerJson.PreferencesJson in = json.read(body, CustomerJson.PreferencesJson.class);
        Fields fields = new Fields();
        JsonTypes.booleans(body, fields, "requirePaymentOnConfirmation", "paymentLinksEnabled", "receiptsEnabled");
        Boolean requirePayment = fields.required("requirePaymentOnConfirmation", in.requirePaymentOnConfirmation());
        Boolean links = fields.required("paymentLinksEnabled", in.paymentLinksEnabled());
        Boolean receipts = fields.required("receiptsEnabled", in.receiptsEnabled());
        fields.throwIfAny();
        return CustomerJson.of(preferences.changePreferences(CustomerResource.ids(id),
                new CustomerPreferences(requirePayment, links, receipts), Callers.actor(security, request)));
    }
}
