package org.paydesk.adapters.rest.order;

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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.CustomerAccess;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.JsonTypes;
import org.paydesk.adapters.rest.shared.PageJson;
import org.paydesk.adapters.rest.shared.ProblemJson;
import org.paydesk.adapters.rest.shared.Problems;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.order.port.in.FindOrdersQuery;
import org.paydesk.application.order.port.in.ManageOrdersUseCase;
import org.paydesk.application.order.port.in.OrderCriteria;
import org.paydesk.application.order.port.in.OrderLineRequest;
import org.paydesk.application.order.port.in.PayAndConfirmUseCase;
import org.paydesk.application.order.port.in.PayOrderCommand;
import org.paydesk.application.order.port.in.PlaceOrderCommand;
import org.paydesk.application.order.port.in.PlaceOrderUseCase;
import org.paydesk.application.payment.port.in.FindPaymentsQuery;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderLine;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.order.SalesOrderId;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.shared.Money;

/**
 * Order Entry: orders pushed by enterprise applications or entered by staff, the Order Summary search, confirming
 * on account, cancelling, and Pay &amp; Confirm (charge the total and confirm in one step). A buyer reaches only
 * their own customer's orders; anyone else's answers 404.
 */
@Path("/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** Code of the 400 answered when a payment request comes without its required {@code Idempotency-Key}. */
    public static final String KEY_REQUIRED = "idempotency_key_required";

    @Inject
    PlaceOrderUseCase place;
    @Inject
    FindOrdersQuery find;
    @Inject
    ManageOrdersUseCase manage;
    @Inject
    PayAndConfirmUseCase payAndConfirm;
    @Inject
    FindPaymentsQuery payments;
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

    /** Places an open order; its total is computed by Paydesk from the lines. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, SALES, SALES_MANAGER, SALES_ALLOCATIONS, INTEGRATION})
    public Response place(@HeaderParam(IdempotencyGate.HEADER) String key, String body) {
        Actor actor = Callers.actor(security, request);
        OrderSource source = security.isUserInRole(INTEGRATION) ? OrderSource.INTEGRATION : OrderSource.STAFF;
        return idempotency.execute(key, actor.name() + " POST /orders", body, requestKey -> {
            PlaceOrderJson in = json.read(body, PlaceOrderJson.class);
            Fields fields = new Fields();
            Long customerId = fields.required("customerId", in.customerId());
            if (customerId != null && customerId <= 0) {
                fields.add("customerId", "customer_not_found", "no customer " + customerId);
            }
            List<OrderLineRequest> lines = lines(in.lines(), fields);
            wholeQuantities(body, fields);
            fields.throwIfAny();
            SalesOrder order = place.place(new PlaceOrderCommand(new CustomerId(customerId), in.number(), source,
                    lines, actor));
            return Response.created(uri.getAbsolutePathBuilder().path(order.id().toString()).build())
                    .type(MediaType.APPLICATION_JSON).entity(view(order)).build();
        });
    }

    /** Order Summary: every given criterion must hold; a buyer's search is limited to their own customer. */
    @GET
    @RolesAllowed({ADMIN, SALES, SALES_MANAGER, SALES_ALLOCATIONS, CASHIER, ACCOUNTS_RECEIVABLE, CREDIT_MANAGER,
            INTEGRATION, BUYER})
    public PageJson<OrderJson> search(@QueryParam("number") String number,
            @QueryParam("customerId") String customerId, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Fields fields = new Fields();
        Long customer = whole("customerId", customerId, fields);
        OrderStatus wanted = status(status, fields);
        LocalDate first = from == null ? null : fields.date("from", from);
        LocalDate last = to == null ? null : fields.date("to", to);
        Long pageNumber = whole("page", page, fields);
        Long pageSize = whole("size", size, fields);
        fields.throwIfAny();
        PageRequest paging = PageRequest.of(pageNumber == null ? null : (int) Math.min(pageNumber, Integer.MAX_VALUE),
                pageSize == null ? null : (int) Math.min(pageSize, Integer.MAX_VALUE));
        OrderCriteria criteria = new OrderCriteria(number == null || number.isBlank() ? null : number.trim(),
                customer == null || customer <= 0 ? null : new CustomerId(customer), wanted, first, last);
        CustomerId owner = Owners.limitedTo(security, access);
        if (customer != null && (customer <= 0 || owner != null && owner.value() != customer)) {
            // No such customer, or not the buyer's: nothing to show (and nothing told about anyone else).
            return new PageJson<>(List.of(), paging.page(), paging.size(), 0);
        }
        Page<SalesOrder> found = find.search(owner == null ? criteria : criteria.forCustomer(owner), paging);
        return PageJson.of(found, this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, SALES, SALES_MANAGER, SALES_ALLOCATIONS, CASHIER, ACCOUNTS_RECEIVABLE, CREDIT_MANAGER,
            INTEGRATION, BUYER})
    public OrderJson get(@PathParam("id") long id) {
        return view(reachable(id));
    }

    /**
     * Pay &amp; Confirm: charges the order's total and, when it succeeds (or an ACH debit is processing), confirms
     * the order and pays its new invoice. Needs an {@code Idempotency-Key}: a retry replays the first answer byte for
     * byte. A decline answers {@code 402} with the failed payment and the order, still open.
     */
    @POST
    @Path("/{id}/pay-and-confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, CASHIER, SALES, SALES_MANAGER, ACCOUNTS_RECEIVABLE, BUYER})
    public Response payAndConfirm(@PathParam("id") long id, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        if (key == null) {
            return keyRequired();
        }
        CustomerId owner = Owners.limitedTo(security, access);
        SalesOrderId orderId = orderId(id);
        Actor actor = Callers.actor(security, request);
        String scope = actor.name() + " POST /orders/" + id + "/pay-and-confirm";
        PayJson in = json.read(body, PayJson.class);
        Fields fields = new Fields();
        JsonTypes.booleans(body, fields, "saveForFuturePayments", "savePaymentMethod");
        PaymentChoice choice = PaymentChoice.read(in, fields);
        fields.throwIfAny();
        PayOrderCommand command = new PayOrderCommand(orderId, choice.method(), choice.savedMethod(), choice.save(),
                owner == null ? PaymentChannel.ORDER_ENTRY : PaymentChannel.ECOMMERCE, actor, owner);
        IdempotentAnswer answer = payAndConfirm.payAndConfirm(command, IdempotencyGate.request(key, scope, body),
                payment -> idempotency.store(OrderPayments.outcome(payment, find, uri.getBaseUriBuilder())));
        return IdempotencyGate.send(answer.response(), answer.replayed());
    }

    /** Confirms the order on account: its invoice is left open for A/R to collect. */
    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ADMIN, SALES, SALES_MANAGER, CREDIT_MANAGER})
    public Response confirm(@PathParam("id") long id, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        SalesOrderId orderId = orderId(id);
        Actor actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /orders/" + id + "/confirm", body,
                requestKey -> ok(manage.confirm(orderId, actor)));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ADMIN, SALES, SALES_MANAGER})
    public Response cancel(@PathParam("id") long id, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        SalesOrderId orderId = orderId(id);
        Actor actor = Callers.actor(security, request);
        return idempotency.execute(key, actor.name() + " POST /orders/" + id + "/cancel", body,
                requestKey -> ok(manage.cancel(orderId, actor)));
    }

    /** {@code 400 idempotency_key_required}: a payment is never taken without a key to retry it safely. */
    public static Response keyRequired() {
        String message = "this request takes a payment: send an Idempotency-Key header so it can be retried safely";
        return Problems.response(ProblemJson.of(400, "Invalid request", KEY_REQUIRED, message,
                List.of(new ProblemJson.FieldErrorJson(IdempotencyGate.HEADER, KEY_REQUIRED, message))));
    }

    private Response ok(SalesOrder order) {
        return Response.ok(view(order), MediaType.APPLICATION_JSON).build();
    }

    private SalesOrder reachable(long id) {
        SalesOrder order = find.get(orderId(id));
        CustomerId owner = Owners.limitedTo(security, access);
        if (owner != null && !owner.equals(order.customerId())) {
            throw new NotFoundException("order " + id);
        }
        return order;
    }

    private OrderJson view(SalesOrder order) {
        PaymentStatus paymentStatus = order.paymentId() == null ? null : payments.get(order.paymentId()).status();
        return OrderJson.of(order, paymentStatus);
    }

    static SalesOrderId orderId(long id) {
        if (id <= 0) {
            throw new NotFoundException("order " + id);
        }
        return new SalesOrderId(id);
    }

    static List<OrderLineRequest> lines(List<PlaceOrderJson.Line> given, Fields fields) {
        List<OrderLineRequest> lines = new ArrayList<>();
        if (fields.required("lines", given) == null) {
            return lines;
        }
        if (given.isEmpty()) {
            fields.add("lines", "order_empty", "an order needs at least one line");
        }
        if (given.size() > SalesOrder.MAX_LINES) {
            fields.add("lines", "too_many_lines", "an order has at most " + SalesOrder.MAX_LINES + " lines");
            return lines;
        }
        for (int i = 0; i < given.size(); i++) {
            String at = "lines[" + i + "]";
            PlaceOrderJson.Line line = fields.required(at, given.get(i));
            if (line == null) {
                continue;
            }
            String sku = fields.required(at + ".sku", line.sku());
            Integer quantity = fields.required(at + ".quantity", line.quantity());
            if (quantity != null && (quantity < 1 || quantity > OrderLine.MAX_QUANTITY)) {
                fields.add(at + ".quantity", "invalid_quantity",
                        "quantity must be between 1 and " + OrderLine.MAX_QUANTITY);
            }
            Money price = line.unitPrice() == null ? null : fields.money(at + ".unitPrice", line.unitPrice());
            if (price != null && !price.isPositive()) {
                fields.add(at + ".unitPrice.amount", "invalid_amount", "unitPrice must be greater than zero");
            }
            if (sku != null && quantity != null) {
                lines.add(new OrderLineRequest(sku, line.description(), quantity, price));
            }
        }
        return lines;
    }

    /** A fractional quantity is refused, not truncated. */
    private static void wholeQuantities(String body, Fields fields) {
        JsonObject object = JsonTypes.object(body);
        JsonValue lines = object == null ? null : object.get("lines");
        if (lines instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof JsonObject line) {
                    JsonTypes.wholeNumber(line, "quantity", "lines[" + i + "].quantity", fields);
                }
            }
        }
    }

    private static Long whole(String field, String value, Fields fields) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            fields.add(field, field.equals("page") ? "invalid_page" : field.equals("size") ? "invalid_page_size"
                    : "invalid_request", field + " must be a whole number");
            return null;
        }
    }

    private static OrderStatus status(String value, Fields fields) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (OrderStatus status : OrderStatus.values()) {
            if (status.name().equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        fields.add("status", "invalid_request", "status must be one of OPEN, CONFIRMED, CANCELLED");
        return null;
    }
}
