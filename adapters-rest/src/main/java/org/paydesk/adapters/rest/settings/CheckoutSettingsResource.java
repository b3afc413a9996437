package org.paydesk.adapters.rest.settings;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paydesk.adapters.rest.shared.Callers;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.adapters.rest.shared.JsonBodies;
import org.paydesk.application.cart.port.in.CartUseCase;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * Checkout settings: which wallets (Apple Pay, Google Pay) buyers are offered beside card and ACH. Staff read
 * them; only an admin changes them. {@code PUT} replaces the whole list, so a retry is harmless and takes no key.
 */
@Path("/settings/checkout")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutSettingsResource {

    @Inject
    CartUseCase carts;
    @Inject
    JsonBodies json;
    @Context
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @GET
    @RolesAllowed({ADMIN, ACCOUNTS_PAYABLE, ACCOUNTS_RECEIVABLE, CASHIER, CREDIT_MANAGER, SALES, SALES_ALLOCATIONS,
            SALES_MANAGER})
    public CheckoutSettingsJson get() {
        return view(carts.enabledWallets());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    public CheckoutSettingsJson change(String body) {
        CheckoutSettingsJson in = json.read(body, CheckoutSettingsJson.class);
        Fields fields = new Fields();
        Set<PaymentMethodType> wallets = wallets(in.wallets(), fields);
        fields.throwIfAny();
        return view(carts.enableWallets(wallets, Callers.actor(security, request)));
    }

    static Set<PaymentMethodType> wallets(List<String> given, Fields fields) {
        Set<PaymentMethodType> wallets = EnumSet.noneOf(PaymentMethodType.class);
        if (fields.required("wallets", given) == null) {
            return wallets;
        }
        for (int i = 0; i < given.size(); i++) {
            String name = fields.required("wallets[" + i + "]", given.get(i));
            if (name == null) {
                continue;
            }
            PaymentMethodType type = null;
            for (PaymentMethodType candidate : PaymentMethodType.values()) {
                if (candidate.name().equals(name.toUpperCase(Locale.ROOT))) {
                    type = candidate;
                }
            }
            if (type == null) {
                fields.add("wallets[" + i + "]", "invalid_payment_method_type",
                        "wallets may hold APPLE_PAY and GOOGLE_PAY");
            } else if (!type.equals(PaymentMethodType.APPLE_PAY) && !type.equals(PaymentMethodType.GOOGLE_PAY)) {
                fields.add("wallets[" + i + "]", "not_a_wallet", name + " is not a wallet; card and ACH are always"
                        + " offered");
            } else {
                wallets.add(type);
            }
        }
        return wallets;
    }

    static CheckoutSettingsJson view(Collection<PaymentMethodType> wallets) {
        List<PaymentMethodType> sorted = new ArrayList<>(wallets);
        sorted.sort(null);
        return new CheckoutSettingsJson(sorted.stream().map(PaymentMethodType::name).toList());
    }
}
