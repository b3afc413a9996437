package org.paydesk.application.customer.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;

/** Register a customer. Texts are checked by the domain; the currency code by {@code Money}. */
public record RegisterCustomerCommand(String number, String name, String email, String currency, Actor actor) {

    public RegisterCustomerCommand {
        Objects.requireNonNull(actor, "actor");
    }
}
