package org.paydesk.application.payment.port.out;

import java.util.List;
import java.util.Optional;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;

/** Stores refunds with the credit and invoice balances each took back. */
public interface RefundRepository {

    RefundId nextId();

    void add(Refund refund);

    Optional<Refund> find(RefundId id);

    /**
     * Which payment a refund gives money back from, read without loading the refund, so the refund itself can be read
     * fresh after the customer's lock is taken.
     */
    Optional<PaymentId> paymentOf(RefundId id);

    /** A payment's refunds, oldest first. */
    List<Refund> findByPayment(PaymentId payment);

    /** The refund a request with this (caller-scoped) idempotency key created, if any. */
    Optional<Refund> findByRequestKey(String requestKey);

    /**
     * Writes the refund's changed state.
     *
     * @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} when it changed since read
     */
    void update(Refund refund);
}
