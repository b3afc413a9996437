package org.paydesk.adapters.rest.paymentlink;

import java.time.Instant;
import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.application.paymentlink.port.in.LinkedInvoice;
import org.paydesk.application.paymentlink.port.in.PaymentLinkView;
import org.paydesk.domain.paymentlink.PaymentLink;

/** A payment link as staff see it: never its secret. */
public record PaymentLinkJson(long id, String kind, long customerId, String email, String status, String sentBy,
        String sentAt, String openedAt, String activeUntil, List<InvoiceJson> invoices, MoneyJson openTotal) {

    /** One invoice the link pays, with its balance when the link was read. */
    public record InvoiceJson(long id, String number, String dueDate, MoneyJson openBalance) {

        static InvoiceJson of(LinkedInvoice invoice) {
            return new InvoiceJson(invoice.id(), invoice.number(), invoice.dueDate().toString(),
                    MoneyJson.of(invoice.openBalance()));
        }
    }

    static PaymentLinkJson of(PaymentLinkView view) {
        PaymentLink link = view.link();
        return new PaymentLinkJson(link.id().value(), link.kind().name(), link.customerId().value(),
                link.recipientEmail(), view.status().name(), link.sentBy(), text(link.sentAt()),
                text(link.openedAt()), text(link.activeUntil()), view.invoices().stream().map(InvoiceJson::of).toList(),
                MoneyJson.of(view.openTotal()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
