package org.paydesk.application.receivable.port.in;

import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;

/** Read invoices. */
public interface FindReceivablesQuery {

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such invoice */
    Receivable get(ReceivableId id);

    /** A customer's open invoices, oldest due first. */
    Page<Receivable> openFor(CustomerId customer, PageRequest page);
}
