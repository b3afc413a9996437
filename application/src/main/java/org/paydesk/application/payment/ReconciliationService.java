package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.in.ReconcileUseCase;
import org.paydesk.application.payment.port.in.UnresolvedItem;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.payment.port.out.ReconciliationQueue;
import org.paydesk.application.payment.RefundService;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;

/**
 * The reconciler: takes the follow-ups that are due and asks the processor what became of each payment or refund, with
 * no transaction open during the call; settles what is final and waits longer (see {@link FollowUpSchedule}) for the
 * rest. A payment whose charge the processor never made is failed once that is certain, releasing its invoices.
 */
@ApplicationScoped
public class ReconciliationService implements ReconcileUseCase {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class.getName());

    /** Who settles a payment or refund here, in the audit trail. */
    public static final Actor RECONCILER = Actor.system("reconciler");

    private static final int BATCH = 50;

    private final ReconciliationQueue queue;
    private final ReconciliationSteps steps;
    private final PaymentRepository payments;
    private final PaymentProcessor processor;
    private final RefundRepository refunds;
    private final RefundService refundService;
    private final TimeSource time;

    @Inject
    public ReconciliationService(ReconciliationQueue queue, ReconciliationSteps steps, PaymentRepository payments,
            PaymentProcessor processor, RefundRepository refunds, RefundService refundService, TimeSource time) {
        this.queue = queue;
        this.steps = steps;
        this.payments = payments;
        this.processor = processor;
        this.refunds = refunds;
        this.refundService = refundService;
        this.time = time;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public int reconcileDue() {
        Instant now = time.now();
        int settled = 0;
        for (FollowUp followUp : queue.takeDue(now, now.plus(FollowUpSchedule.LEASE), BATCH)) {
            try {
                if (check(followUp)) {
                    settled++;
                }
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "reconciling " + followUp.subject() + " " + followUp.subjectId() + " failed: "
                        + failed.getClass().getSimpleName() + " " + failed.getMessage());
                steps.later(followUp, "check failed: " + failed.getClass().getSimpleName());
            }
        }
        return settled;
    }

    private boolean check(FollowUp followUp) {
        return followUp.subject() == FollowUp.Subject.PAYMENT ? checkPayment(followUp) : checkRefund(followUp);
    }

    private boolean checkPayment(FollowUp followUp) {
        Optional<Payment> found = payments.find(new PaymentId(followUp.subjectId()));
        if (found.isEmpty() || !found.get().status().awaitsProcessor()) {
            steps.done(followUp);
            return false;
        }
        Payment payment = found.get();
        Optional<ProcessorCharge> truth = payment.processorReference() != null
                ? processor.lookup(payment.processorReference())
                : mostAdvanced(processor.chargesFor(payment.id()));
        if (truth.isPresent()) {
            return steps.settle(followUp, truth.get(), RECONCILER);
        }
        if (followUp.attempts() >= 1 && !time.now().isBefore(payment.updatedAt().plus(FollowUpSchedule.NO_CHARGE_AFTER))) {
            return steps.settle(followUp, new ProcessorCharge("none", null, payment.amount(), "no_charge",
                    ProcessorCharge.State.FAILED, new PaymentFailure("processor_no_charge", null,
                            "The processor made no charge for this payment."), false), RECONCILER);
        }
        steps.later(followUp, "the processor holds no charge for this payment yet");
        return false;
    }

    /** Of a payment's charges (normally one), the one that got furthest: succeeded or returned, then processing. */
    private static Optional<ProcessorCharge> mostAdvanced(List<ProcessorCharge> charges) {
        return charges.stream().max(Comparator.comparingInt(charge -> switch (charge.state()) {
            case SUCCEEDED, RETURNED -> 3;
            case PROCESSING -> 2;
            case FAILED -> 1;
        }));
    }

    private boolean checkRefund(FollowUp followUp) {
        RefundId id = new RefundId(followUp.subjectId());
        if (refunds.find(id).filter(refund -> refund.status().awaitsProcessor()).isEmpty()) {
            steps.done(followUp);
            return false;
        }
        Refund refund = refundService.follow(id, RECONCILER);
        if (refund.status().awaitsProcessor()) {
            steps.later(followUp, "refund " + id + " is " + refund.status());
            return false;
        }
        return true;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnresolvedItem> unresolved(PageRequest page) {
        return queue.unresolved(FollowUpSchedule.STAFF_AFTER_ATTEMPTS, page).map(this::describe);
    }

    private UnresolvedItem describe(FollowUp followUp) {
        if (followUp.subject() == FollowUp.Subject.REFUND) {
            Refund refund = refunds.find(new RefundId(followUp.subjectId())).orElseThrow();
            return new UnresolvedItem(followUp.subject(), followUp.subjectId(), refund.paymentId().value(),
                    refund.customerId(), refund.amount(), refund.status().name(), followUp.attempts(),
                    followUp.since(), followUp.dueAt(), followUp.lastResult());
        }
        Payment payment = payments.find(new PaymentId(followUp.subjectId())).orElseThrow();
        return new UnresolvedItem(followUp.subject(), followUp.subjectId(), payment.id().value(),
                payment.customerId(), payment.amount(), payment.status().name(), followUp.attempts(),
                followUp.since(), followUp.dueAt(), followUp.lastResult());
    }

    /** For CDI's proxy only. */
    protected ReconciliationService() {
        this(null, null, null, null, null, null, null);
    }
}
