package org.paydesk.application.paymentmethod.port.out;

import java.util.List;
import java.util.Optional;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/** Stores saved payment methods (tokens and display facts only). */
public interface PaymentMethodRepository {

    PaymentMethodTokenId nextId();

    void add(PaymentMethodToken method);

    Optional<PaymentMethodToken> find(PaymentMethodTokenId id);

    /** The customer's methods, default first, then newest first. */
    List<PaymentMethodToken> findAll(CustomerId customer);

    Optional<PaymentMethodToken> findByToken(CustomerId customer, String processorToken);

    /** @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} */
    void update(PaymentMethodToken method);

    void delete(PaymentMethodTokenId id);
}
