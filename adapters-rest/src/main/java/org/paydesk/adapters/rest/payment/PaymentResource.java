package org.paydesk.adapters.rest.payment;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.adapters.rest.shared.PageJson;
import org.paydesk.adapters.rest.shared.PaymentMethodTypes;
import org.paydesk.adapters.rest.shared.ProblemJson;
import org.paydesk.adapters.rest.shared.Problems;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.payment.port.in.AllocationInstruction;
import org.paydesk.application.payment.port.in.FindProcessorChargesQuery;
import org.paydesk.application.payment.port.in.PaymentHistoryQuery;
import org.paydesk.application.payment.port.in.PreviewAllocationUseCase;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.payment.port.in.ReceivePaymentUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/**
 * A/R "Receive Payment": staff take a card or ACH payment and apply it to open invoices. A decline answers
 * {@code 402} with code {@code card_declined} (or the processor's code) and the recorded {@code FAILED} payment.
 *
 * <p>Payment history (Admin, Accounts Receivable, Cashier): the list, filtered and paged, newest first; the same
 * filters as CSV at {@code /payments/export.csv}; and each payment's detail with its fee, net, refunds and timeline.
 */
@Path("/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    ReceivePaymentUseCase receive;
    @Inject
    PreviewAllocationUseCase preview;
    @Inject
    FindProcessorChargesQuery processorCharges;
    @Inject
    PaymentHistoryQuery history;
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
    public Response receive(@HeaderParam(IdempotencyGate.HEADER) String key, String body) {
        Actor actor = Callers.actor(security, request);
        String scope = actor.name() + " POST /payments";
        PaymentRequestJson in = json.read(body, PaymentRequestJson.class);
        Fields fields = new Fields();
        AllocationInstruction instruction = instruction(in, fields);
        PaymentRequestJson.PaymentMethodJson given = fields.required("paymentMethod", in.paymentMethod());
        Long savedId = given == null ? null : given.savedMethodId();
        PaymentMethod method = given == null || savedId != null ? null : method(given, fields);
        boolean save = Boolean.TRUE.equals(in.savePaymentMethod());
        if (savedId != null && savedId <= 0) {
            fields.add("paymentMethod.savedMethodId", "payment_method_not_found", "no saved method " + savedId);
        }
        if (savedId != null && save) {
            fields.add("savePaymentMethod", "already_saved", "a saved method needs no saving");
        }
        fields.throwIfAny();
        ReceivePaymentCommand command = new ReceivePaymentCommand(instruction.customerId(), instruction.amount(),
                method, instruction.allocations(), PaymentChannel.ACCOUNTS_RECEIVABLE,
                key == null ? null : IdempotencyGate.requestKey(scope, key), actor,
                savedId == null ? null : new PaymentMethodTokenId(savedId), save);
        if (key == null) {
            return outcome(receive.receive(command));
        }
        // The key is claimed and answered inside the payment's own two transactions (no extra commits).
        IdempotentAnswer answer = receive.receive(command, IdempotencyGate.request(key, scope, body),
                payment -> idempotency.store(outcome(payment)));
        return IdempotencyGate.send(answer.response(), answer.replayed());
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER})
    public AllocationPreviewJson preview(String body) {
        PaymentRequestJson in = json.read(body, PaymentRequestJson.class);
        Fields fields = new Fields();
        AllocationInstruction instruction = instruction(in, fields);
        fields.throwIfAny();
        return AllocationPreviewJson.of(preview.preview(instruction));
    }

    /**
     * The payment history: every filter given must hold ({@code from}/{@code to} are whole UTC days of
     * {@code createdAt}, inclusive); newest first; paged ({@code page} from 0, {@code size} 1 to 100, default 20).
     */
    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CASHIER})
    public PageJson<PaymentSummaryJson> search(@QueryParam("customerId") String customerId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("status") String status,
            @QueryParam("method") String method, @QueryParam("channel") String channel,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Fields fields = new Fields();
        Long pageNumber = PaymentFilters.whole("page", page, fields);
        Long pageSize = PaymentFilters.whole("size", size, fields);
        PaymentFilters filters = PaymentFilters.read(customerId, from, to, status, method, channel, fields);
        PageRequest paging = PaymentFilters.paging(pageNumber, pageSize);
        if (filters.noneCanMatch()) {
            return new PageJson<>(List.of(), paging.page(), paging.size(), 0);
        }
        return PageJson.of(history.search(filters.criteria(), paging), PaymentSummaryJson::of);
    }

    /**
     * The payment history as CSV (RFC 4180, UTF-8, header row), with the list's filters and order and without paging:
     * every matching payment, at most {@value PaymentHistoryQuery#MAX_EXPORT_ROWS} ({@code 422 export_too_large}
     * beyond).
     */
    @GET
    @Path("/export.csv")
    @Produces(PaymentCsv.MEDIA_TYPE)
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CASHIER})
    public Response export(@QueryParam("customerId") String customerId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("status") String status, @QueryParam("method") String method,
            @QueryParam("channel") String channel) {
        PaymentFilters filters = PaymentFilters.read(customerId, from, to, status, method, channel, new Fields());
        String csv = PaymentCsv.of(filters.noneCanMatch() ? List.of() : history.export(filters.criteria()));
        return Response.ok(csv, PaymentCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"payments.csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The payment with its fee and net, its refunds and its timeline (additions to {@link PaymentJson}). */
    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CASHIER})
    public PaymentDetailJson get(@PathParam("id") long id) {
        return PaymentDetailJson.of(history.history(paymentId(id)));
    }

    /** The processor's own record of this payment's charges: the other side of the ledger. */
    @GET
    @Path("/{id}/processor-charges")
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CASHIER})
    public List<ProcessorChargeJson> processorCharges(@PathParam("id") long id) {
        return processorCharges.chargesFor(paymentId(id)).stream().map(ProcessorChargeJson::of).toList();
    }

    private Response outcome(Payment payment) {
        URI location = uri.getBaseUriBuilder().path("payments").path(payment.id().toString()).build();
        PaymentJson view = PaymentJson.of(payment);
        if (payment.status() == PaymentStatus.FAILED) {
            String code = payment.failure().code();
            ProblemJson problem = new ProblemJson("https://paydesk.org/problems/" + code.replace('_', '-'),
                    "Payment failed", 402, payment.failure().message(), code, null, payment.failure().declineCode(),
                    view);
            return Response.status(402).location(location).type(ProblemJson.MEDIA_TYPE).entity(problem).build();
        }
        return Response.created(location).type(MediaType.APPLICATION_JSON).entity(view).build();
    }

    private static AllocationInstruction instruction(PaymentRequestJson in, Fields fields) {
        Long customerId = fields.required("customerId", in.customerId());
        Money amount = fields.money("amount", in.amount());
        if (amount != null && !amount.isPositive()) {
            fields.add("amount.amount", "invalid_amount", "a payment must be greater than zero");
        }
        if (customerId != null && customerId <= 0) {
            fields.add("customerId", "customer_not_found", "no customer " + customerId);
        }
        List<AllocationRequest> allocations = null;
        if (in.allocations() != null) {
            if (in.allocations().size() > ReceivePaymentCommand.MAX_ALLOCATIONS) {
                fields.add("allocations", "too_many", "at most " + ReceivePaymentCommand.MAX_ALLOCATIONS
                        + " allocations per payment");
            }
            allocations = new ArrayList<>();
            for (int i = 0; i < in.allocations().size(); i++) {
                String at = "allocations[" + i + "]";
                PaymentRequestJson.AllocationRequestJson line = fields.required(at, in.allocations().get(i));
                if (line == null) {
                    continue;
                }
                Long receivable = fields.required(at + ".receivableId", line.receivableId());
                Money applied = fields.money(at + ".amount", line.amount());
                if (receivable != null && receivable <= 0) {
                    fields.add(at + ".receivableId", "receivable_not_found", "no invoice " + receivable);
                } else if (receivable != null && applied != null) {
                    allocations.add(new AllocationRequest(new ReceivableId(receivable), applied));
                }
            }
        }
        fields.throwIfAny();
        return new AllocationInstruction(new CustomerId(customerId), amount, allocations);
    }

    private static PaymentMethod method(PaymentRequestJson.PaymentMethodJson json, Fields fields) {
        return fields.attempt("paymentMethod", () -> new PaymentMethod(PaymentMethodTypes.fromJson(json.type()),
                json.token()));
    }

    private static PaymentId paymentId(long id) {
        if (id <= 0) {
            throw new NotFoundException("payment " + id);
        }
        return new PaymentId(id);
    }
}
