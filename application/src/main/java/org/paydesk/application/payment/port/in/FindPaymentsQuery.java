package org.paydesk.application.payment.port.in;

import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;

/** Read payments. */
public interface FindPaymentsQuery {

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such payment */
    Payment get(PaymentId id);
}
