package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paydesk.application.customer.port.out.CustomerRepository;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.receivable.port.out.ReceivableRepository;
import org.paydesk.application.payment.FollowUpSchedule;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.payment.port.out.ReconciliationQueue;
import org.paydesk.application.payment.port.in.RefundPaymentCommand;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.Unwinding;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;
import org.paydesk.domain.refund.RefundStatus;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * The two short transactions around a refund's processor call, under the customer's lock like payments:
 * {@link #open} takes the money back from credit and invoices and records the refund; {@link #record} records the
 * processor's answer, putting everything back if it refused.
 */
@ApplicationScoped
public class RefundLedger {

    private final CustomerRepository customers;
    private final ReceivableRepository receivables;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final ReconciliationQueue followUps;
    private final AuditTrail audit;
    private final TimeSource time;
    private final Event<RefundRecorded> recorded;

    @Inject
    public RefundLedger(CustomerRepository customers, ReceivableRepository receivables, PaymentRepository payments,
            RefundRepository refunds, ReconciliationQueue followUps, AuditTrail audit, TimeSource time,
            Event<RefundRecorded> recorded) {
        this.customers = customers;
        this.receivables = receivables;
        this.payments = payments;
        this.refunds = refunds;
        this.followUps = followUps;
        this.audit = audit;
        this.time = time;
        this.recorded = recorded;
    }

    /**
     * Records the refund with the credit and invoice balances it takes back; when the request key already made a
     * refund, returns that one and records nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Opened open(RefundPaymentCommand command) {
        if (command.requestKey() != null) {
            Optional<Refund> earlier = refunds.findByRequestKey(command.requestKey());
            if (earlier.isPresent()) {
                if (!earlier.get().paymentId().equals(command.paymentId())
                        || command.amount() != null && !command.amount().equals(earlier.get().amount())) {
                    throw new DomainException("idempotency_key_reused", "Idempotency-Key",
                            "this Idempotency-Key was used with a different request");
                }
                return new Opened(earlier.get(), null);
            }
        }
        Customer customer = lockCustomerOf(command.paymentId());
        Payment payment = payments.find(command.paymentId()).orElseThrow();
        Instant now = time.now();
        Money amount = command.amount() != null ? command.amount() : payment.refundable();
        if (command.amount() == null && payment.status().isRefundable() && !amount.isPositive()) {
            throw new DomainException("refund_exceeds_refundable", "amount",
                    "payment " + payment.id() + " has nothing left to refund");
        }
        List<Unwinding> earlier = refunds.findByPayment(payment.id()).stream()
                .filter(refund -> refund.status() != RefundStatus.FAILED).map(Refund::unwinding).toList();
        payment.startRefund(amount, now);
        var touched = receivables.findAll(payment.allocations().stream().map(a -> a.receivableId()).toList());
        Unwinding unwinding = Unwinding.plan(payment, earlier, amount, customer.creditBalance(), touched);
        unwinding.applyTo(customer, touched);
        receivables.update(touched.values());
        customers.update(customer);
        payments.update(payment);
        Refund refund = Refund.request(refunds.nextId(), payment, amount, unwinding, command.requestKey(), now);
        refunds.add(refund);
        followUps.open(FollowUp.Subject.REFUND, refund.id().value(), now, FollowUpSchedule.firstCheck(now));
        audit.record(new AuditEntry(now, command.actor(), "refund.requested", "payment", payment.id().toString(),
                "ok", "refund " + refund.id() + " of " + amount + ": credit " + unwinding.creditTaken()
                        + ", reopened " + describe(unwinding)
                        + (command.reason() == null ? "" : "; reason: " + command.reason())));
        return new Opened(refund, new RefundRequest(payment.processorReference(), amount,
                refund.processorIdempotencyKey()));
    }

    /**
     * Records the processor's answer: accepted or done moves the refund on; a refusal puts the credit and invoice
     * balances back (as far as the invoices are still open; the rest becomes credit) and the payment keeps the money;
     * no answer leaves the refund for the reconciler. An answer for a finished refund changes nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Refund record(RefundId id, RefundOutcome outcome, Actor actor) {
        // Read after the lock, never before: a webhook may be recording the same refund at this moment.
        Customer customer = lockCustomerOf(refunds.paymentOf(id)
                .orElseThrow(() -> new NotFoundException("refund " + id)));
        Refund refund = refunds.find(id).orElseThrow();
        Instant now = time.now();
        if (!refund.status().awaitsProcessor()) {
            return refund;
        }
        RefundStatus before = refund.status();
        if (outcome instanceof RefundOutcome.Succeeded done) {
            refund.succeeded(done.processorRefundId(), now);
        } else if (outcome instanceof RefundOutcome.Pending pending) {
            if (refund.status() == RefundStatus.PENDING) {
                return refund; // still on its way: nothing new
            }
            refund.accepted(pending.processorRefundId(), now);
        } else if (outcome instanceof RefundOutcome.Failed refused) {
            refund.failed(refused.processorRefundId(), refused.code(), refused.message(), now);
            Payment payment = payments.find(refund.paymentId()).orElseThrow();
            var touched = receivables.findAll(refund.unwinding().reopened().stream()
                    .map(a -> a.receivableId()).toList());
            refund.unwinding().undoOn(customer, touched);
            receivables.update(touched.values());
            customers.update(customer);
            payment.refundFailed(refund.amount(), now);
            payments.update(payment);
        } else {
            audit.record(new AuditEntry(now, actor, "refund.unknown", "payment", refund.paymentId().toString(),
                    "unknown", "refund " + id + ": " + ((RefundOutcome.Unknown) outcome).reason()));
            return refund;
        }
        refunds.update(refund);
        if (refund.status().awaitsProcessor()) {
            followUps.open(FollowUp.Subject.REFUND, id.value(), now, FollowUpSchedule.firstCheck(now));
        } else {
            followUps.close(FollowUp.Subject.REFUND, id.value());
        }
        audit.record(new AuditEntry(now, actor, "refund." + refund.status().name().toLowerCase(), "payment",
                refund.paymentId().toString(), refund.status() == RefundStatus.FAILED ? "refused" : "ok",
                "refund " + id + " of " + refund.amount()
                        + (refund.failureCode() == null ? "" : ": " + refund.failureCode())));
        recorded.fire(new RefundRecorded(refund, before, actor, now));
        return refund;
    }

    /** The refund, its processor request, for a refund that may have to be sent (again). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Opened> pending(RefundId id) {
        return refunds.find(id).filter(refund -> refund.status().awaitsProcessor()).map(refund -> new Opened(refund,
                new RefundRequest(payments.find(refund.paymentId()).orElseThrow().processorReference(),
                        refund.amount(), refund.processorIdempotencyKey())));
    }

    private Customer lockCustomerOf(PaymentId id) {
        return customers.lock(payments.customerOf(id).orElseThrow(() -> new NotFoundException("payment " + id)))
                .orElseThrow(() -> new IllegalStateException("payment " + id + " has no customer"));
    }

    private static List<String> describe(Unwinding unwinding) {
        return unwinding.reopened().stream().map(a -> a.receivableNumber() + " " + a.amount()).toList();
    }

    /**
     * The recorded refund and what to send the processor; {@code request} is null when the refund existed before.
     */
    public record Opened(Refund refund, RefundRequest request) {

        public boolean existedBefore() {
            return request == null;
        }
    }

    /** For CDI's proxy only. */
    protected RefundLedger() {
        this(null, null, null, null, null, null, null, null);
    }
}
