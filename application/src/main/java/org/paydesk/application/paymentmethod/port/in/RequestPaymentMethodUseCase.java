package org.paydesk.application.paymentmethod.port.in;

import java.util.List;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestId;

/**
 * "Request payment method": staff email a customer a single-use link, valid four hours, to a hosted form. The
 * link's secret goes only into the email; Paydesk keeps its hash.
 */
public interface RequestPaymentMethodUseCase {

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such customer */
    PaymentMethodRequestView request(RequestPaymentMethodCommand command);

    List<PaymentMethodRequestView> list(CustomerId customer);

    /** @throws org.paydesk.domain.shared.DomainException {@code request_not_revocable} */
    PaymentMethodRequestView revoke(CustomerId customer, PaymentMethodRequestId request, Actor actor);
}
