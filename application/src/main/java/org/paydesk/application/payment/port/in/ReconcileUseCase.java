package org.paydesk.application.payment.port.in;

import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;

/** Asks the processor about payments and refunds it has not finished, and lists what stays unresolved. */
public interface ReconcileUseCase {

    /**
     * Makes the checks that are due.
     *
     * @return how many payments and refunds this run settled
     */
    int reconcileDue();

    /** Payments and refunds the processor has still not settled after several checks, oldest first. */
    Page<UnresolvedItem> unresolved(PageRequest page);
}
