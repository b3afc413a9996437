package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventLog;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;

/** The transactions of a processor notification: the event is recorded together with what it changed, or not at all. */
@ApplicationScoped
public class ProcessorEventLedger {

    private final ProcessorEventLog events;
    private final PaymentLedger payments;
    private final AuditTrail audit;
    private final TimeSource time;

    @Inject
    public ProcessorEventLedger(ProcessorEventLog events, PaymentLedger payments, AuditTrail audit, TimeSource time) {
        this.events = events;
        this.payments = payments;
        this.audit = audit;
        this.time = time;
    }

    /**
     * Records the event and brings its payment to the processor's truth, in one transaction.
     *
     * @return false, changing nothing, when the event was applied before
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean apply(ProcessorEvent event, PaymentId payment, ProcessorCharge truth) {
        Instant now = time.now();
        if (!events.recordFirst(event, "payment " + payment + ": " + truth.state(), now)) {
            return false;
        }
        audit.record(new AuditEntry(now, ProcessorEventService.PROCESSOR, "processor_event." + event.type(),
                "payment", payment.toString(), "ok", event.id() + ": charge " + truth.reference() + " is "
                        + truth.status() + (truth.disputed() ? ", disputed" : "")));
        Payment settled = payments.reconcile(payment, truth, ProcessorEventService.PROCESSOR);
        return settled != null;
    }

    /**
     * Records an event that changes no payment here (or whose changes were made in their own transactions).
     *
     * @return false when it was recorded before
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean note(ProcessorEvent event, String outcome) {
        Instant now = time.now();
        if (!events.recordFirst(event, outcome, now)) {
            return false;
        }
        audit.record(new AuditEntry(now, ProcessorEventService.PROCESSOR, "processor_event." + event.type(),
                "processor_event", event.id(), "ok", outcome));
        return true;
    }

    /** For CDI's proxy only. */
    protected ProcessorEventLedger() {
        this(null, null, null, null);
    }
}
