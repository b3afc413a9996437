package org.paydesk.application.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.customer.port.out.BuyerAccounts;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.domain.customer.CustomerId;

/** Buyer logins and the customer each acts for; a login is linked once, as a unique key would make it. */
public final class InMemoryBuyerAccounts implements BuyerAccounts {

    private final Map<String, CustomerId> links = new LinkedHashMap<>();

    @Override
    public Optional<CustomerId> customerOf(String login) {
        return Optional.ofNullable(links.get(login));
    }

    @Override
    public void link(String login, CustomerId customer) {
        if (links.containsKey(login)) {
            throw new ConflictException("buyer_login_taken", "login", "login " + login + " is linked already");
        }
        links.put(login, customer);
    }

    public Map<String, CustomerId> links() {
        return Map.copyOf(links);
    }
}
