package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.paydesk.application.payment.PaymentLedger;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.payment.port.out.ReconciliationQueue;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;

/** The reconciler's transactions: each check's result is recorded with its follow-up's next step. */
@ApplicationScoped
public class ReconciliationSteps {

    private final PaymentLedger ledger;
    private final ReconciliationQueue queue;
    private final TimeSource time;

    @Inject
    public ReconciliationSteps(PaymentLedger ledger, ReconciliationQueue queue, TimeSource time) {
        this.ledger = ledger;
        this.queue = queue;
        this.time = time;
    }

    /**
     * Brings the payment to the processor's truth; when it is still unfinished, the follow-up waits longer.
     *
     * @return whether the payment is settled now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean settle(FollowUp followUp, ProcessorCharge truth, Actor actor) {
        Payment payment = ledger.reconcile(new PaymentId(followUp.subjectId()), truth, actor);
        if (payment.status().awaitsProcessor()) {
            queue.reschedule(followUp.subject(), followUp.subjectId(),
                    FollowUpSchedule.nextCheck(time.now(), followUp.attempts() + 1),
                    "charge " + truth.reference() + " is " + truth.status());
            return false;
        }
        queue.close(followUp.subject(), followUp.subjectId());
        return true;
    }

    /** The check found nothing final: ask again later. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void later(FollowUp followUp, String result) {
        queue.reschedule(followUp.subject(), followUp.subjectId(),
                FollowUpSchedule.nextCheck(time.now(), followUp.attempts() + 1), result);
    }

    /** Nothing left to follow (settled meanwhile by a webhook or a live answer). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void done(FollowUp followUp) {
        queue.close(followUp.subject(), followUp.subjectId());
    }

    /** For CDI's proxy only. */
    protected ReconciliationSteps() {
        this(null, null, null);
    }
}
