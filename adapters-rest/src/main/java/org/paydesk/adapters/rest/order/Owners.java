package org.paydesk.adapters.rest.order;

import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.paydesk.adapters.rest.shared.CustomerAccess;
import org.paydesk.adapters.rest.shared.Roles;
import org.paydesk.domain.customer.CustomerId;

/**
 * Whose orders a caller reaches: staff and enterprise applications every customer's, an e-commerce buyer only the
 * customer their login acts for (anyone else's order answers 404, as one that does not exist).
 */
public final class Owners {

    private static final List<String> NOT_ONLY_A_BUYER = List.of(Roles.ADMIN, Roles.ACCOUNTS_PAYABLE,
            Roles.ACCOUNTS_RECEIVABLE, Roles.CASHIER, Roles.CREDIT_MANAGER, Roles.SALES, Roles.SALES_ALLOCATIONS,
            Roles.SALES_MANAGER, Roles.INTEGRATION);

    private Owners() {
    }

    /** The buyer's customer when the caller is only a buyer; null for everyone else. */
    public static CustomerId limitedTo(SecurityContext security, CustomerAccess access) {
        if (!security.isUserInRole(Roles.BUYER)) {
            return null;
        }
        for (String role : NOT_ONLY_A_BUYER) {
            if (security.isUserInRole(role)) {
                return null;
            }
        }
        return access.buyersCustomer(security);
    }
}
