package org.paydesk.application.customer.port.out;

import java.util.Optional;
import org.paydesk.domain.customer.CustomerId;

/** Which customer an e-commerce buyer's login acts for. */
public interface BuyerAccounts {

    Optional<CustomerId> customerOf(String login);

    /** @throws org.paydesk.application.shared.ConflictException {@code buyer_login_taken} */
    void link(String login, CustomerId customer);
}
