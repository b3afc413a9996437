package org.paydesk.adapters.rest.reconciliation;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.CASHIER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.paydesk.adapters.rest.shared.PageJson;
import org.paydesk.application.payment.port.in.ReconcileUseCase;
import org.paydesk.application.shared.PageRequest;

/**
 * Payments and refunds the reconciler could not settle after several checks of the processor, oldest first, for staff
 * to look into (Admin, Accounts Receivable, Cashier). The reconciler keeps checking them meanwhile.
 */
@Path("/payments/unresolved")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnresolvedPaymentsResource {

    @Inject
    ReconcileUseCase reconciliation;

    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CASHIER})
    public PageJson<UnresolvedJson> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return PageJson.of(reconciliation.unresolved(PageRequest.of(page, size)), UnresolvedJson::of);
    }
}
