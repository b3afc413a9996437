package org.paydesk.adapters.rest.receivable;

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
import java.util.ArrayList;
import java.util.List;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.PageJson;
import org.paydesk.application.receivable.port.in.FindReceivablesQuery;
import org.paydesk.application.receivable.port.in.ImportReceivablesCommand;
import org.paydesk.application.receivable.port.in.ImportReceivablesUseCase;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;

/** Open invoices: imported by enterprise apps, read by staff choosing what a payment pays. */
@Path("/receivables")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReceivableResource {

    @Inject
    ImportReceivablesUseCase importer;
    @Inject
    FindReceivablesQuery find;
    @Inject
    JsonBodies json;
    @Inject
    IdempotencyGate idempotency;
    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, INTEGRATION})
    public Response importReceivables(@HeaderParam(IdempotencyGate.HEADER) String key, String body) {
        var actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /receivables", body, requestKey -> {
            ImportReceivablesJson in = json.read(body, ImportReceivablesJson.class);
            Fields fields = new Fields();
            Long customerId = fields.required("customerId", in.customerId());
            fields.required("receivables", in.receivables());
            List<ImportReceivablesCommand.Line> lines = new ArrayList<>();
            if (in.receivables() != null) {
                for (int i = 0; i < in.receivables().size(); i++) {
                    ImportReceivablesJson.Line line = in.receivables().get(i);
                    String at = "receivables[" + i + "].";
                    if (fields.required("receivables[" + i + "]", line) == null) {
                        continue;
                    }
                    lines.add(new ImportReceivablesCommand.Line(line.number(),
                            fields.date(at + "issueDate", line.issueDate()),
                            fields.date(at + "dueDate", line.dueDate()),
                            fields.money(at + "amount", line.amount()),
                            line.openBalance() == null ? null : fields.money(at + "openBalance", line.openBalance())));
                }
            }
            fields.throwIfAny();
            if (customerId <= 0) {
                throw new InvalidRequestException("customerId", "customer_not_found", "no customer " + customerId);
            }
            List<Receivable> created;
            try {
                created = importer.importReceivables(
                        new ImportReceivablesCommand(new CustomerId(customerId), lines, actor));
            } catch (NotFoundException unknownCustomer) {
                throw new InvalidRequestException("customerId", "customer_not_found", "no customer " + customerId);
            }
            return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                    .entity(created.stream().map(ReceivableJson::of).toList()).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, INTEGRATION})
    public ReceivableJson get(@PathParam("id") long id) {
        if (id <= 0) {
            throw new NotFoundException("receivable " + id);
        }
        return ReceivableJson.of(find.get(new ReceivableId(id)));
    }

    /** A customer's open invoices, oldest due first. */
    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, INTEGRATION})
    public PageJson<ReceivableJson> open(@QueryParam("customerId") Long customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        if (customerId == null) {
            throw new InvalidRequestException("customerId", "required", "customerId is required");
        }
        if (customerId <= 0) {
            throw new NotFoundException("customer " + customerId);
        }
        return PageJson.of(find.openFor(new CustomerId(customerId), PageRequest.of(page, size)), ReceivableJson::of);
    }
}
