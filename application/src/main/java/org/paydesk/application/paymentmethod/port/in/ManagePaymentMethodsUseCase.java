package org.paydesk.application.paymentmethod.port.in;

import java.util.List;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/** The customer's Payment Methods tab: saved processor tokens, one of them the default. */
public interface ManagePaymentMethodsUseCase {

    /** @throws org.paydesk.application.shared.NotFoundException when there is no such customer */
    List<PaymentMethodToken> list(CustomerId customer);

    /**
     * Saves the method (attaching it at the processor for off-session use). Saving a token the customer already has
     * returns the saved one. The first method saved becomes the default.
     */
    PaymentMethodToken add(AddPaymentMethodCommand command);

    /** @throws org.paydesk.application.shared.NotFoundException when the method is not this customer's */
    PaymentMethodToken makeDefault(CustomerId customer, PaymentMethodTokenId method, Actor actor);

    /** Removes the method here and at the processor. */
    void remove(CustomerId customer, PaymentMethodTokenId method, Actor actor);

    /** The customer's saved method, for a payment. @throws org.paydesk.domain.shared.DomainException otherwise */
    PaymentMethodToken savedMethod(CustomerId customer, PaymentMethodTokenId method);
}
