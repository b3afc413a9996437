package org.paydesk.application.paymentmethod.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;

/** Save a tokenized method on a customer; {@code makeDefault} makes it the one used when none is named. */
public record AddPaymentMethodCommand(CustomerId customerId, PaymentMethod method, boolean makeDefault, Actor actor) {

    public AddPaymentMethodCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(actor, "actor");
    }
}
