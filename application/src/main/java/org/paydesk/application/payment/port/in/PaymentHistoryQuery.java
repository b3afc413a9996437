package org.paydesk.application.payment.port.in;

import java.util.List;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.payment.PaymentId;

/** Payment history: the payments that match some filters, newest first, and each payment's whole story. */
public interface PaymentHistoryQuery {

    /** The most rows one export gives; a wider export is refused ({@code export_too_large}) rather than cut short. */
    int MAX_EXPORT_ROWS = 10_000;

    /** One page of the matching payments, newest first (ties by id, highest first). */
    Page<PaymentSummary> search(PaymentCriteria criteria, PageRequest page);

    /**
     * Every matching payment, newest first, in the order {@link #search} pages through them.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code export_too_large} when more than
     *     {@value #MAX_EXPORT_ROWS} match
     */
    List<PaymentSummary> export(PaymentCriteria criteria);

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such payment */
    PaymentHistory history(PaymentId id);
}
