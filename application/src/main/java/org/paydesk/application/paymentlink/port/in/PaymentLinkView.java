package org.paydesk.application.paymentlink.port.in;

import java.util.List;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkStatus;
import org.paydesk.domain.shared.Money;

/** A link as staff see it: the link, where it stands now, its invoices and what is open on them. */
public record PaymentLinkView(PaymentLink link, PaymentLinkStatus status, List<LinkedInvoice> invoices,
        Money openTotal) {

    public PaymentLinkView {
        invoices = List.copyOf(invoices);
    }
}
