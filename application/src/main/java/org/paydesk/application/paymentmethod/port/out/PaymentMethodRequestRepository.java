package org.paydesk.application.paymentmethod.port.out;

import java.util.List;
import java.util.Optional;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodRequest;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestId;

/** Stores "request payment method" links by the hash of their secret. */
public interface PaymentMethodRequestRepository {

    PaymentMethodRequestId nextId();

    void add(PaymentMethodRequest request);

    Optional<PaymentMethodRequest> find(PaymentMethodRequestId id);

    /** Reads and write-locks the request with this secret hash (so a link is spent once, even by racing clicks). */
    Optional<PaymentMethodRequest> lockBySecretHash(String secretHash);

    Optional<PaymentMethodRequest> findBySecretHash(String secretHash);

    /** The customer's requests, newest first. */
    List<PaymentMethodRequest> findAll(CustomerId customer);

    /** @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} */
    void update(PaymentMethodRequest request);
}
