package org.paydesk.application.customer.port.in;

import java.util.Optional;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;

/** E-commerce buyers: which customer a buyer's login acts for. */
public interface BuyerAccountsUseCase {

    /**
     * @throws org.paydesk.application.shared.NotFoundException when there is no such customer
     * @throws org.paydesk.application.shared.ConflictException {@code buyer_login_taken}
     */
    void link(String login, CustomerId customer, Actor actor);

    Optional<CustomerId> customerOf(String login);
}
