package org.paydesk.adapters.rest.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import org.paydesk.application.customer.port.in.BuyerAccountsUseCase;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.customer.CustomerId;

/**
 * Which customers a caller may reach: staff any, an e-commerce buyer only the customer their login acts for. For
 * anyone else's customer a buyer gets the same 404 as for a customer that does not exist.
 */
@ApplicationScoped
public class CustomerAccess {

    private final BuyerAccountsUseCase buyers;

    @Inject
    public CustomerAccess(BuyerAccountsUseCase buyers) {
        this.buyers = buyers;
    }

    public CustomerId reachable(SecurityContext security, long id) {
        if (id <= 0) {
            throw new NotFoundException("customer " + id);
        }
        CustomerId customer = new CustomerId(id);
        if (isBuyerOnly(security)) {
            String login = security.getUserPrincipal().getName();
            if (!buyers.customerOf(login).map(customer::equals).orElse(false)) {
                throw new NotFoundException("customer " + id);
            }
        }
        return customer;
    }

    /** The customer a buyer acts for. */
    public CustomerId buyersCustomer(SecurityContext security) {
        return buyers.customerOf(security.getUserPrincipal().getName())
                .orElseThrow(() -> new NotFoundException("customer of this buyer"));
    }

    private static boolean isBuyerOnly(SecurityContext security) {
        if (!security.isUserInRole(Roles.BUYER)) {
            return false;
        }
        for (String staff : new String[] {Roles.ADMIN, Roles.ACCOUNTS_PAYABLE, Roles.ACCOUNTS_RECEIVABLE,
                Roles.CASHIER, Roles.CREDIT_MANAGER, Roles.SALES, Roles.SALES_ALLOCATIONS, Roles.SALES_MANAGER}) {
            if (security.isUserInRole(staff)) {
                return false;
            }
        }
        return true;
    }

    /** For CDI's proxy only. */
    protected CustomerAccess() {
        this(null);
    }
}
