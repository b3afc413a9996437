package org.paydesk.application.paymentlink.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.order.SalesOrderId;

/** Email the invoice of order {@code order} as a PDF with a Pay link to {@code recipientEmail}. */
public record SendOrderLinkCommand(SalesOrderId order, String recipientEmail, Actor actor) {

    public SendOrderLinkCommand {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(actor, "actor");
    }
}
