package org.paydesk.application.paymentlink.port.in;

import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.receivable.ReceivableId;

/** Email invoice {@code invoice} as a PDF with a Pay link to {@code recipientEmail}. */
public record SendInvoiceLinkCommand(ReceivableId invoice, String recipientEmail, Actor actor) {

    public SendInvoiceLinkCommand {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(actor, "actor");
    }
}
