package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.idempotency.IdempotencyService;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.payment.port.out.PaymentAttempt;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.FollowUpSchedule;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.payment.port.out.ReconciliationQueue;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.payment.Unwinding;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundStatus;
import org.paydesk.domain.shared.Money;
import org.paydesk.domain.shared.DomainException;

/**
 * The two short transactions around a processor call: {@link #open} records the payment and reserves the
 * invoices' balances before the call; {@link #settle} records the answer after it. No transaction is ever open
 * while the processor is being called. Both take the customer's lock, the one serialisation point for that
 * customer's balances and credit, so concurrent payments can never apply the same open balance twice.
 */
@ApplicationScoped
public class PaymentLedger {

    private final CustomerRepository customers;
    private final ReceivableRepository receivables;
    private final PaymentRepository payments;
    private final AllocationPlanner planner;
    private final AuditTrail audit;
    private final TimeSource time;
    private final IdempotencyService idempotency;
    private final Event<PaymentRecorded> recorded;
    private final RefundRepository refunds;
    private final ReconciliationQueue followUps;

    @Inject
    public PaymentLedger(CustomerRepository customers, ReceivableRepository receivables, PaymentRepository payments,
            AllocationPlanner planner, AuditTrail audit, TimeSource time, IdempotencyService idempotency,
            Event<PaymentRecorded> recorded, RefundRepository refunds, ReconciliationQueue followUps) {
        this.customers = customers;
        this.receivables = receivables;
        this.payments = payments;
        this.planner = planner;
        this.audit = audit;
        this.time = time;
        this.idempotency = idempotency;
        this.recorded = recorded;
        this.refunds = refunds;
        this.followUps = followUps;
    }

    /**
     * Records the payment as submitted, with its allocations applied, and the attempt about to be made. When the
     * request key already has a payment, returns that one and records nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opened open(ReceivePaymentCommand command) {
        return open(command, null);
    }

    /**
     * As {@link #open(ReceivePaymentCommand)}, claiming the request's Idempotency-Key in the same transaction; when
     * the key already answered, returns that answer to replay and records nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opened open(ReceivePaymentCommand command, IdempotentRequest request) {
        return open(command, request, PaymentPurpose.NONE);
    }

    /**
     * As {@link #open(ReceivePaymentCommand, IdempotentRequest)}, telling {@code purpose} of the new payment in the
     * same transaction, under the customer's lock; when it refuses, nothing is recorded (not even the key's claim).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opened open(ReceivePaymentCommand command, IdempotentRequest request, PaymentPurpose purpose) {
        if (request != null) {
            Optional<StoredResponse> replay = idempotency.claimWithin(request);
            if (replay.isPresent()) {
                return new Opened(null, null, replay.get());
            }
        }
        if (command.requestKey() != null) {
            Optional<Payment> earlier = payments.findByRequestKey(command.requestKey());
            if (earlier.isPresent()) {
                if (!isSameRequest(earlier.get(), command)) {
                    throw new DomainException("idempotency_key_reused", "Idempotency-Key",
                            "this Idempotency-Key was used with a different request");
                }
                return new Opened(earlier.get(), null, null);
            }
        }
        Customer customer = customers.lock(command.customerId())
                .orElseThrow(() -> new DomainException("customer_not_found", "customerId",
                        "no customer " + command.customerId()));
        AllocationPlanner.Planned planned = planner.plan(customer, command.instruction());
        planned.plan().applyTo(planned.receivables());
        receivables.update(planned.receivables().values());

        Instant now = time.now();
        Payment payment = Payment.initiate(payments.nextId(), customer.id(), command.method(), command.channel(),
                planned.plan(), command.requestKey(), now);
        payment.submit(now);
        payments.add(payment);
        purpose.recorded(payment);
        PaymentAttempt attempt = payments.startAttempt(payment.id(), now);
        // Should this node die before the answer is recorded, the reconciler finds the payment all the same.
        followUps.open(FollowUp.Subject.PAYMENT, payment.id().value(), now, FollowUpSchedule.firstCheck(now));
        audit.record(new AuditEntry(now, command.actor(), "payment.submitted", "payment", payment.id().toString(),
                "ok", payment.amount() + " by " + payment.method().type() + ", " + payment.allocations().size()
                        + " allocation(s), unapplied " + payment.unapplied()));
        return new Opened(payment, attempt, null);
    }

    /**
     * Records the processor's answer: a success keeps the allocations and turns any unapplied rest into credit;
     * a decline reopens the invoices; a lost answer leaves the payment {@code UNKNOWN} for the reconciler. An
     * answer for a payment that is already settled changes nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Payment settle(PaymentId id, PaymentAttempt attempt, PaymentOutcome outcome, Actor actor) {
        return record(id, attempt, outcome, actor);
    }

    /**
     * As {@link #settle}, and keeps the response to the request that made the payment, in the same transaction.
     *
     * @param respond renders the settled payment as the response the caller will get (and a retry will replay)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Answered settleAndAnswer(PaymentId id, PaymentAttempt attempt, PaymentOutcome outcome, Actor actor,
            IdempotentRequest request, Function<Payment, StoredResponse> respond) {
        Payment payment = record(id, attempt, outcome, actor);
        return answer(request, payment, respond);
    }

    /** Answers a request whose payment already exists (a retry after a crash), keeping that answer. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Answered answerFor(PaymentId id, IdempotentRequest request, Function<Payment, StoredResponse> respond) {
        return answer(request, payments.find(id).orElseThrow(), respond);
    }

    private Answered answer(IdempotentRequest request, Payment payment, Function<Payment, StoredResponse> respond) {
        StoredResponse response = respond.apply(payment);
        idempotency.completeWithin(request, response);
        return new Answered(payment, response);
    }

    private Payment record(PaymentId id, PaymentAttempt attempt, PaymentOutcome outcome, Actor actor) {
        // The customer never changes, so it can be read before the lock; the payment is read after it.
        Customer customer = lockCustomerOf(id);
        Payment payment = payments.find(id).orElseThrow();
        Instant now = time.now();
        if (attempt != null) {
            payments.finishAttempt(attempt, outcome, now);
        }
        if (!payment.status().awaitsProcessor() || isNoChange(payment, outcome)) {
            audit.record(new AuditEntry(now, actor, "payment.outcome_ignored", "payment", id.toString(), "ignored",
                    outcome.getClass().getSimpleName() + " while " + payment.status()));
            return payment;
        }
        boolean release = payment.record(outcome, now);
        if (release) {
            var touched = receivables.findAll(payment.allocations().stream().map(a -> a.receivableId()).toList());
            payment.plan().reverseOn(touched);
            receivables.update(touched.values());
        }
        recorded.fire(new PaymentRecorded(payment, outcome, actor, now));
        if (payment.status() == PaymentStatus.SUCCEEDED && payment.unapplied().isPositive()) {
            customer.addCredit(payment.unapplied());
            customers.update(customer);
        }
        payments.update(payment);
        if (payment.status().awaitsProcessor()) {
            followUps.open(FollowUp.Subject.PAYMENT, id.value(), now, FollowUpSchedule.firstCheck(now));
        } else {
            followUps.close(FollowUp.Subject.PAYMENT, id.value());
        }
        audit.record(new AuditEntry(now, actor, "payment." + payment.status().name().toLowerCase(), "payment",
                id.toString(), payment.status() == PaymentStatus.FAILED ? "declined" : "ok",
                payment.failure() == null ? outcome.getClass().getSimpleName()
                        : payment.failure().code() + "/" + payment.failure().declineCode()));
        return payment;
    }

    /**
     * Brings the payment to what the processor now says of its charge, by legal steps only, in the caller's
     * transaction: an unfinished payment settles (a returned one first succeeds, then is returned); a payment that
     * went through is returned or disputed; nothing ever moves back (a late failure cannot undo a success). Reading
     * the truth instead of an event's copy makes webhooks in any order, or repeated, end the same.
     *
     * @return the payment as it now stands
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Payment reconcile(PaymentId id, ProcessorCharge truth, Actor actor) {
        lockCustomerOf(id);
        Payment payment = payments.find(id).orElseThrow();
        boolean unfinished = payment.status().awaitsProcessor();
        switch (truth.state()) {
            case PROCESSING -> {
                if (unfinished && payment.status() != PaymentStatus.PROCESSING) {
                    record(id, null, new PaymentOutcome.Processing(truth.reference()), actor);
                }
            }
            case SUCCEEDED -> {
                if (unfinished) {
                    record(id, null, new PaymentOutcome.Succeeded(truth.reference()), actor);
                }
            }
            case FAILED -> {
                if (unfinished) {
                    record(id, null, new PaymentOutcome.Declined(truth.reference(), truth.failure() != null
                            ? truth.failure() : new PaymentFailure("payment_failed", null, "The payment failed.")),
                            actor);
                }
            }
            case RETURNED -> {
                if (unfinished) {
                    record(id, null, new PaymentOutcome.Succeeded(truth.reference()), actor);
                }
                payment = payments.find(id).orElseThrow();
                if (payment.status().isRefundable()) {
                    returned(customers.find(payment.customerId()).orElseThrow(), payment, truth, actor);
                }
            }
        }
        // Each step above wrote the payment; read it as it now stands.
        payment = payments.find(id).orElseThrow();
        if (truth.disputed() && payment.status().isRefundable()) {
            Instant now = time.now();
            payment.dispute(now);
            payments.update(payment);
            audit.record(new AuditEntry(now, actor, "payment.disputed", "payment", id.toString(), "ok",
                    "the payer disputed charge " + truth.reference()));
        }
        return payments.find(id).orElseThrow();
    }

    /**
     * An ACH debit that went through came back: what the payment still holds in credit and on invoices is taken back
     * (credit first, then invoices newest first, after what refunds already took) and the payment is RETURNED.
     */
    private void returned(Customer customer, Payment payment, ProcessorCharge truth, Actor actor) {
        Instant now = time.now();
        Unwinding unwinding = new Unwinding(Money.zero(payment.amount().currency()), List.of());
        if (payment.unwindable().isPositive()) {
            List<Unwinding> earlier = refunds.findByPayment(payment.id()).stream()
                    .filter(refund -> refund.status() != RefundStatus.FAILED).map(Refund::unwinding).toList();
            var touched = receivables.findAll(payment.allocations().stream().map(a -> a.receivableId()).toList());
            unwinding = Unwinding.plan(payment, earlier, payment.unwindable(), customer.creditBalance(), touched);
            unwinding.applyTo(customer, touched);
            receivables.update(touched.values());
            customers.update(customer);
        }
        payment.markReturned(truth.failure() != null ? truth.failure()
                : new PaymentFailure("payment_returned", null, "The payer's bank returned the debit."), now);
        payments.update(payment);
        audit.record(new AuditEntry(now, actor, "payment.returned", "payment", payment.id().toString(), "returned",
                payment.failure().code() + "; took back credit " + unwinding.creditTaken() + ", reopened "
                        + unwinding.reopened().stream().map(a -> a.receivableNumber() + " " + a.amount()).toList()));
    }

    private Customer lockCustomerOf(PaymentId id) {
        return customers.lock(payments.customerOf(id).orElseThrow(() -> new NotFoundException("payment " + id)))
                .orElseThrow(() -> new IllegalStateException("payment " + id + " has no customer"));
    }

    /**
     * Whether a retried request asks for what the payment under its key records: the same customer, amount and
     * method, and the same explicit allocations (oldest-first ones depend on balances that may have moved since).
     */
    private static boolean isSameRequest(Payment payment, ReceivePaymentCommand command) {
        if (!payment.customerId().equals(command.customerId()) || !payment.amount().equals(command.amount())
                || !payment.method().equals(command.method()) || payment.channel() != command.channel()) {
            return false;
        }
        if (command.allocations() == null) {
            return true;
        }
        var requested = command.allocations().stream().map(r -> r.receivableId() + "=" + r.amount()).toList();
        var recorded = payment.allocations().stream().map(a -> a.receivableId() + "=" + a.amount()).toList();
        return requested.equals(recorded);
    }

    private static boolean isNoChange(Payment payment, PaymentOutcome outcome) {
        return outcome instanceof PaymentOutcome.Unknown && payment.status() == PaymentStatus.UNKNOWN;
    }

    /**
     * The recorded payment and the attempt to make; {@code attempt} is null when the payment already existed, and
     * {@code replay} is set (and nothing else) when the request's key already answered.
     */
    public record Opened(Payment payment, PaymentAttempt attempt, StoredResponse replay) {

        public boolean existedBefore() {
            return attempt == null;
        }
    }

    /** A settled payment and the response kept for its request. */
    public record Answered(Payment payment, StoredResponse response) {
    }

    /** For CDI's proxy only. */
    protected PaymentLedger() {
        this(null, null, null, null, null, null, null, null, null, null);
    }
}
