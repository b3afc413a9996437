package org.paydesk.adapters.rest.catalog;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_PAYABLE;
import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.BUYER;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.JsonTypes;
import org.paydesk.adapters.rest.shared.PageJson;
import org.paydesk.application.catalog.port.in.AddCatalogItemCommand;
import org.paydesk.application.catalog.port.in.CatalogUseCase;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * The catalogue carts are priced from: kept by sales management or pushed by the ERP; read by everyone who sells or
 * buys. {@code PUT} is idempotent by nature (create or revise the item at that SKU), so it takes no key.
 */
@Path("/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    CatalogUseCase catalog;
    @Inject
    JsonBodies json;
    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @PUT
    @Path("/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, SALES_MANAGER, INTEGRATION})
    public CatalogItemJson save(@PathParam("sku") String sku, String body) {
        SaveCatalogItemJson in = json.read(body, SaveCatalogItemJson.class);
        Fields fields = new Fields();
        JsonTypes.booleans(body, fields, "active");
        fields.attempt("sku", () -> new Sku(sku));
        String description = fields.required("description", in.description());
        String amount = fields.required("unitPrice", in.unitPrice());
        String currency = fields.required("currency", in.currency());
        Money price = null;
        if (amount != null && currency != null) {
            try {
                price = Money.parse(amount, currency);
            } catch (DomainException invalid) {
                fields.add("currency".equals(invalid.field()) ? "currency" : "unitPrice", invalid);
            }
        }
        if (price != null && !price.isPositive()) {
            fields.add("unitPrice", "invalid_amount", "unitPrice must be greater than zero");
        }
        fields.throwIfAny();
        return CatalogItemJson.of(catalog.save(new AddCatalogItemCommand(sku, description, price,
                !Boolean.FALSE.equals(in.active()), Callers.actor(security, request))));
    }

    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, INTEGRATION, BUYER})
    public PageJson<CatalogItemJson> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return PageJson.of(catalog.list(PageRequest.of(page, size)), CatalogItemJson::of);
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, INTEGRATION, BUYER})
    public CatalogItemJson get(@PathParam("sku") String sku) {
        try {
            new Sku(sku);
        } catch (DomainException malformed) {
            throw new NotFoundException("item " + sku);
        }
        return CatalogItemJson.of(catalog.get(sku));
    }
}
