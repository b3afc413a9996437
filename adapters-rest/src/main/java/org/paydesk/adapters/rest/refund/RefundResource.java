package org.paydesk.adapters.rest.refund;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.CASHIER;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.IdempotencyGate;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.application.payment.port.in.RefundPaymentCommand;
import org.paydesk.application.payment.port.in.RefundPaymentUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.shared.Money;

/**
 * Refunds of a payment (Admin, Accounts Receivable, Cashier): full or partial, never more than is left; card and
 * wallet payments for 90 days, ACH for 180. {@code 201} with the refund as it stands (a refund the processor takes
 * time over is {@code PENDING}; one it refused is {@code FAILED} with its reason, and nothing was taken back).
 */
@Path("/payments/{paymentId}/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    static final int MAX_REASON = 500;

    @Inject
    RefundPaymentUseCase refunds;
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
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CASHIER})
    public Response refund(@PathParam("paymentId") long paymentId, @HeaderParam(IdempotencyGate.HEADER) String key,
            String body) {
        PaymentId payment = paymentId(paymentId);
        Actor actor = Callers.actor(security, request);
        RefundRequestJson in = body == null || body.isBlank() ? new RefundRequestJson(null, null)
                : json.read(body, RefundRequestJson.class);
        Fields fields = new Fields();
        Money amount = in.amount() == null ? null : fields.money("amount", in.amount());
        if (amount != null && !amount.isPositive()) {
            fields.add("amount.amount", "invalid_amount", "a refund must be greater than zero");
        }
        if (in.reason() != null && in.reason().length() > MAX_REASON) {
            fields.add("reason", "too_long", "at most " + MAX_REASON + " characters");
        }
        fields.throwIfAny();
        return idempotency.execute(key, actor.name() + " POST /payments/" + paymentId + "/refunds", body,
                requestKey -> created(refunds.refund(new RefundPaymentCommand(payment, amount, in.reason(),
                        requestKey, actor))));
    }

    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_RECEIVABLE, CASHIER})
    public List<RefundJson> list(@PathParam("paymentId") long paymentId) {
        return refunds.refundsOf(paymentId(paymentId)).stream().map(RefundJson::of).toList();
    }

    private Response created(Refund refund) {
        return Response.created(uri.getAbsolutePathBuilder().build()).type(MediaType.APPLICATION_JSON)
                .entity(RefundJson.of(refund)).build();
    }

    private static PaymentId paymentId(long id) {
        if (id <= 0) {
            throw new NotFoundException("payment " + id);
        }
        return new PaymentId(id);
    }
}
