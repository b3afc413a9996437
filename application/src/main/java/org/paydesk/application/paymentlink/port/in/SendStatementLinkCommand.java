package org.paydesk.application.paymentlink.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;

/** Email the customer's statement (their open invoices now) as a PDF with one link paying all of it. */
public record SendStatementLinkCommand(CustomerId customer, String recipientEmail, Actor actor) {

    public SendStatementLinkCommand {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(actor, "actor");
    }
}
