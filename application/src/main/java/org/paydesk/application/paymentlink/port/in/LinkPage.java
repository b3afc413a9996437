package org.paydesk.application.paymentlink.port.in;

import java.time.Instant;
import java.util.List;
import org.paydesk.domain.paymentlink.PaymentLinkKind;
import org.paydesk.domain.paymentlink.PaymentLinkStatus;
import org.paydesk.domain.shared.Money;

/**
 * What the hosted link page shows: whose invoices, who sent them, each invoice's current open balance, the total to
 * pay, and where the link stands (payable, paid, expired).
 *
 * @param activeUntil when the link stops working, or null while it was never opened
 */
public record LinkPage(String customerName, String sentBy, PaymentLinkKind kind, List<LinkedInvoice> invoices,
        Money openTotal, PaymentLinkStatus status, Instant activeUntil) {

    public LinkPage {
        invoices = List.copyOf(invoices);
    }
}
