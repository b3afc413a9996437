package org.paydesk.application.payment.port.in;

import org.paydesk.domain.payment.Payment;

/**
 * A/R "Receive Payment": charge the customer's payment method and apply the money to invoices, keeping any
 * remainder as customer credit. A decline is a normal outcome: the payment comes back {@code FAILED} with its
 * reason and no invoice is changed.
 */
public interface ReceivePaymentUseCase {

    /**
     * @throws org.paydesk.domain.shared.DomainException when the instruction breaks a rule (nothing is charged)
     * @throws org.paydesk.application.shared.NotFoundException when the customer does not exist
     */
    Payment receive(ReceivePaymentCommand command);
}
