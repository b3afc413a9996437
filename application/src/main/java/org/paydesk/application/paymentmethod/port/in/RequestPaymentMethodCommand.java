package org.paydesk.application.paymentmethod.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;

/** Email a secure link to {@code recipientEmail} so the customer can add a payment method. */
public record RequestPaymentMethodCommand(CustomerId customerId, String recipientEmail, Actor actor) {

    public RequestPaymentMethodCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(actor, "actor");
    }
}
