package org.paydesk.application.paymentlink.port.in;

import java.time.LocalDate;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.shared.Money;

/** One invoice of a link as it stands now. */
public record LinkedInvoice(long id, String number, LocalDate issueDate, LocalDate dueDate, Money originalAmount,
        Money openBalance) {

    public static LinkedInvoice of(Receivable invoice) {
        return new LinkedInvoice(invoice.id().value(), invoice.number(), invoice.issueDate(), invoice.dueDate(),
                invoice.originalAmount(), invoice.openBalance());
    }
}
