package org.paydesk.application.payment.port.in;

import java.util.List;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.domain.payment.PaymentId;

/** What the processor itself holds for a payment: the other side of the ledger, for reconciliation. */
public interface FindProcessorChargesQuery {

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such payment */
    List<ProcessorCharge> chargesFor(PaymentId payment);
}
