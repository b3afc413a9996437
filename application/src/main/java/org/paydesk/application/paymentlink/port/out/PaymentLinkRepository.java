package org.paydesk.application.paymentlink.port.out;

import java.util.List;
import java.util.Optional;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkId;

/** Stores payment links by the hash of their secret; the secret itself is never stored. */
public interface PaymentLinkRepository {

    PaymentLinkId nextId();

    void add(PaymentLink link);

    Optional<PaymentLink> find(PaymentLinkId id);

    Optional<PaymentLink> findBySecretHash(String secretHash);

    /** Reads and write-locks the link (so its first opening and its payments are recorded once). */
    Optional<PaymentLink> lock(PaymentLinkId id);

    /** The customer's links, newest first. */
    List<PaymentLink> findAll(CustomerId customer);

    /** @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} */
    void update(PaymentLink link);
}
