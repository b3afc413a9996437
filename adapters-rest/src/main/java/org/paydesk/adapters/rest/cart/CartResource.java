package org.paydesk.adapters.rest.cart;

import static org.paydesk.adapters.rest.shared.Roles.BUYER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.paydesk.adapters.rest.order.OrderPayments;
import org.paydesk.adapters.rest.order.OrderResource;
import org.paydesk.adapters.rest.order.PayJson;
import org.paydesk.adapters.rest.order.PaymentChoice;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.CustomerAccess;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.JsonTypes;
import org.paydesk.application.cart.port.in.CartUseCase;
import org.paydesk.application.cart.port.in.CheckoutCommand;
import org.paydesk.application.cart.port.in.CheckoutUseCase;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.order.port.in.FindOrdersQuery;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;
import org.paydesk.domain.catalog.Sku;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;

/**
 * E-commerce carts, for buyers only and only their own (anyone else's cart answers 404). Lines are priced from the
 * catalogue; Pay &amp; Checkout turns the cart into an order, pays it and confirms it.
 */
@Path("/carts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    @Inject
    CartUseCase carts;
    @Inject
    CheckoutUseCase checkout;
    @Inject
    FindOrdersQuery orders;
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

    /** A new empty cart in the buyer's customer's currency. */
    @POST
    @RolesAllowed(BUYER)
    public Response open(@HeaderParam(IdempotencyGate.HEADER) String key, String body) {
        CustomerId owner = access.buyersCustomer(security);
        Actor actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /carts", body, requestKey -> {
            Cart cart = carts.open(owner, actor);
            return Response.created(uri.getAbsolutePathBuilder().path(cart.id().toString()).build())
                    .type(MediaType.APPLICATION_JSON).entity(CartJson.of(cart)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(BUYER)
    public CartJson get(@PathParam("id") long id) {
        return CartJson.of(carts.get(cartId(id), access.buyersCustomer(security)));
    }

    /** Puts the item in the cart with this quantity, or changes its line's quantity; priced from the catalogue. */
    @PUT
    @Path("/{id}/lines/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(BUYER)
    public CartJson setQuantity(@PathParam("id") long id, @PathParam("sku") String sku, String body) {
        CartId cart = cartId(id);
        CustomerId owner = access.buyersCustomer(security);
        CartLineJson in = json.read(body, CartLineJson.class);
        Fields fields = new Fields();
        JsonTypes.wholeNumber(JsonTypes.object(body), "quantity", "quantity", fields);
        fields.attempt("sku", () -> new Sku(sku));
        Integer quantity = fields.required("quantity", in.quantity());
        if (quantity != null && (quantity < 1 || quantity > OrderLine.MAX_QUANTITY)) {
            fields.add("quantity", "invalid_quantity", "quantity must be between 1 and " + OrderLine.MAX_QUANTITY
                    + "; remove the line to take the item out");
        }
        fields.throwIfAny();
        return CartJson.of(carts.setQuantity(cart, owner, sku, quantity));
    }

    @DELETE
    @Path("/{id}/lines/{sku}")
    @RolesAllowed(BUYER)
    public CartJson remove(@PathParam("id") long id, @PathParam("sku") String sku) {
        CartId cart = cartId(id);
        CustomerId owner = access.buyersCustomer(security);
        Fields fields = new Fields();
        fields.attempt("sku", () -> new Sku(sku));
        fields.throwIfAny();
        return CartJson.of(carts.remove(cart, owner, sku));
    }

    @GET
    @Path("/{id}/payment-options")
    @RolesAllowed(BUYER)
    public PaymentOptionsJson paymentOptions(@PathParam("id") long id) {
        return PaymentOptionsJson.of(carts.paymentOptions(cartId(id), access.buyersCustomer(security)));
    }

    /**
     * Pay &amp; Checkout: the cart becomes an order, which is paid and confirmed. Needs an {@code Idempotency-Key};
     * however often and however concurrently it is sent, the cart is charged at most once. A decline answers
     * {@code 402} with the failed payment and the open order, which a later checkout pays.
     */
    @POST
    @Path("/{id}/checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(BUYER)
    public Response checkout(@PathParam("id") long id, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        if (key == null) {
            return OrderResource.keyRequired();
        }
        CartId cart = cartId(id);
        CustomerId owner = access.buyersCustomer(security);
        Actor actor = Callers.actor(security, request);
        String scope = actor.name() + " POST /carts/" + id + "/checkout";
        PayJson in = json.read(body, PayJson.class);
        Fields fields = new Fields();
        JsonTypes.booleans(body, fields, "saveForFuturePayments", "savePaymentMethod");
        PaymentChoice choice = PaymentChoice.read(in, fields);
        fields.throwIfAny();
        CheckoutCommand command = new CheckoutCommand(cart, owner, choice.method(), choice.savedMethod(),
                choice.save(), actor);
        IdempotentAnswer answer = checkout.checkout(command, IdempotencyGate.request(key, scope, body),
                payment -> idempotency.store(OrderPayments.outcome(payment, orders, uri.getBaseUriBuilder())));
        return IdempotencyGate.send(answer.response(), answer.replayed());
    }

    private static CartId cartId(long id) {
        if (id <= 0) {
            throw new NotFoundException("cart " + id);
        }
        return new CartId(id);
    }
}
