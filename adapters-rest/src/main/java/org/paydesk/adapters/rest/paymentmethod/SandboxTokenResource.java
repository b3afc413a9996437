package org.paydesk.adapters.rest.paymentmethod;

import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_PAYABLE;
import static org.paydesk.adapters.rest.shared.Roles.ACCOUNTS_RECEIVABLE;
import static org.paydesk.adapters.rest.shared.Roles.ADMIN;
import static org.paydesk.adapters.rest.shared.Roles.BUYER;
import static org.paydesk.adapters.rest.shared.Roles.CASHIER;
import static org.paydesk.adapters.rest.shared.Roles.CREDIT_MANAGER;
import static org.paydesk.adapters.rest.shared.Roles.SALES;
import static org.paydesk.adapters.rest.shared.Roles.SALES_ALLOCATIONS;
import static org.paydesk.adapters.rest.shared.Roles.SALES_MANAGER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizePaymentDetailsUseCase;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;

/**
 * The sandbox's tokenizer, standing in for Stripe.js: test card or bank details in, a {@code pm_...} token out. No
 * other endpoint of Paydesk accepts card or account numbers, and this one accepts only published test numbers.
 */
@Path("/sandbox/payment-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SandboxTokenResource {

    @Inject
    TokenizePaymentDetailsUseCase tokenizer;
    @Inject
    JsonBodies json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER, BUYER})
    public Response tokenize(String body) {
        SandboxTokenRequestJson in = json.read(body, SandboxTokenRequestJson.class);
        Fields fields = new Fields();
        String type = fields.required("type", in.type());
        TokenizedPaymentMethod method = null;
        if ("card".equals(type)) {
            SandboxTokenRequestJson.Card card = fields.required("card", in.card());
            if (card != null) {
                fields.required("card.number", card.number());
                fields.required("card.expMonth", card.expMonth());
                fields.required("card.expYear", card.expYear());
                fields.required("card.cvc", card.cvc());
                fields.throwIfAny();
                method = fields.attempt("card", () -> tokenizer.tokenizeCard(
                        new CardDetails(card.number(), card.expMonth(), card.expYear(), card.cvc())));
            }
        } else if ("ach".equals(type)) {
            SandboxTokenRequestJson.BankAccount account = fields.required("bankAccount", in.bankAccount());
            if (account != null) {
                fields.required("bankAccount.routingNumber", account.routingNumber());
                fields.required("bankAccount.accountNumber", account.accountNumber());
                fields.throwIfAny();
                method = fields.attempt("bankAccount", () -> tokenizer.tokenizeBankAccount(
                        new BankAccountDetails(account.routingNumber(), account.accountNumber(),
                                account.holderName())));
            }
        } else if (type != null) {
            fields.add("type", "invalid_payment_method_type", "type must be card or ach");
        }
        fields.throwIfAny();
        return Response.status(Response.Status.CREATED).entity(TokenizedPaymentMethodJson.of(method)).build();
    }
}
