package org.paydesk.application.payment.port.out;

import java.time.Instant;
import java.util.Optional;
import org.paydesk.application.payment.port.in.PaymentCriteria;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentOutcome;

/** Stores payments, their allocations and every attempt to charge them. */
public interface PaymentRepository {

    PaymentId nextId();

    void add(Payment payment);

    Optional<Payment> find(PaymentId id);

    /** Whose payment this is, read without loading the payment (so it can be read fresh after a lock). */
    Optional<CustomerId> customerOf(PaymentId id);

    /** The payment a request with this (caller-scoped) idempotency key created, if any. */
    Optional<Payment> findByRequestKey(String requestKey);

    Optional<Payment> findByProcessorReference(String processorReference);

    /**
     * The payments matching every given criterion (days in UTC, inclusive), newest first by creation time, ties
     * broken by id (highest first), so pages never overlap or skip.
     */
    Page<Payment> search(PaymentCriteria criteria, PageRequest page);

    /**
     * Writes the payment's changed state.
     *
     * @throws org.paydesk.application.shared.ConflictException {@code concurrent_update} when it changed since read
     */
    void update(Payment payment);

    /** Records that the processor is about to be called. */
    PaymentAttempt startAttempt(PaymentId payment, Instant at);

    /** Records what the call answered. */
    void finishAttempt(PaymentAttempt attempt, PaymentOutcome outcome, Instant at);
}
