package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.paydesk.application.payment.port.in.ReceiveProcessorEventUseCase;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventLog;
import org.paydesk.application.payment.port.out.ProcessorEventReader;
import org.paydesk.application.payment.RefundService;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentId;

/**
 * Applies the processor's notifications: verified by the reader, applied once (the event id is recorded in the
 * transaction that applies it), and only as what the processor now says of the charge, read outside any transaction.
 * A notification that cannot be applied now (the processor cannot be asked) fails, records nothing, and the processor
 * sends it again.
 */
@ApplicationScoped
public class ProcessorEventService implements ReceiveProcessorEventUseCase {

    /** Who changes a payment because of a webhook, in the audit trail. */
    public static final Actor PROCESSOR = Actor.system("processor-webhook");

    private final ProcessorEventReader reader;
    private final ProcessorEventLog events;
    private final PaymentRepository payments;
    private final PaymentProcessor processor;
    private final RefundRepository refunds;
    private final RefundService refundService;
    private final ProcessorEventLedger ledger;

    @Inject
    public ProcessorEventService(ProcessorEventReader reader, ProcessorEventLog events, PaymentRepository payments,
            PaymentProcessor processor, RefundRepository refunds, RefundService refundService,
            ProcessorEventLedger ledger) {
        this.reader = reader;
        this.events = events;
        this.payments = payments;
        this.processor = processor;
        this.refunds = refunds;
        this.refundService = refundService;
        this.ledger = ledger;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public Receipt receive(String payload, String signatureHeader) {
        ProcessorEvent event = reader.read(payload, signatureHeader);
        if (events.contains(event.id())) {
            return Receipt.DUPLICATE;
        }
        return switch (event.kind()) {
            case PAYMENT_CHANGED, DISPUTE_OPENED -> paymentChanged(event);
            case REFUND_CHANGED -> refundChanged(event);
            case PAYMENT_METHOD_SAVED -> ledger.note(event, "payment method " + event.paymentMethodReference()
                    + " saved at the processor for customer " + event.customerId()) ? Receipt.APPLIED
                    : Receipt.DUPLICATE;
            case OTHER -> ignore(event, "not followed");
        };
    }

    private Receipt paymentChanged(ProcessorEvent event) {
        Optional<Payment> payment = paymentOf(event);
        if (payment.isEmpty()) {
            return ignore(event, "no payment has charge " + event.paymentReference());
        }
        Optional<ProcessorCharge> truth = processor.lookup(event.paymentReference());
        if (truth.isEmpty()) {
            return ignore(event, "the processor knows no charge " + event.paymentReference());
        }
        return ledger.apply(event, payment.get().id(), truth.get()) ? Receipt.APPLIED : Receipt.DUPLICATE;
    }

    private Receipt refundChanged(ProcessorEvent event) {
        Optional<Payment> payment = paymentOf(event);
        if (payment.isEmpty()) {
            return ignore(event, "no payment has charge " + event.paymentReference());
        }
        // Each unfinished refund is followed in its own short transactions; following is idempotent, so a failure
        // here (the event then unrecorded and sent again) repeats nothing that matters.
        refunds.findByPayment(payment.get().id()).stream().filter(refund -> refund.status().awaitsProcessor())
                .forEach(refund -> refundService.follow(refund.id(), PROCESSOR));
        return ledger.note(event, "refunds of payment " + payment.get().id() + " followed") ? Receipt.APPLIED
                : Receipt.DUPLICATE;
    }

    private Optional<Payment> paymentOf(ProcessorEvent event) {
        if (event.paymentReference() == null) {
            return Optional.empty();
        }
        Optional<Payment> byReference = payments.findByProcessorReference(event.paymentReference());
        if (byReference.isPresent() || event.paymentId() == null || event.paymentId() <= 0) {
            return byReference;
        }
        // A charge whose answer was lost: the payment knows no reference yet, the charge's metadata knows the payment.
        return payments.find(new PaymentId(event.paymentId()))
                .filter(found -> found.processorReference() == null);
    }

    private Receipt ignore(ProcessorEvent event, String why) {
        return ledger.note(event, "ignored: " + why) ? Receipt.IGNORED : Receipt.DUPLICATE;
    }

    /** For CDI's proxy only. */
    protected ProcessorEventService() {
        this(null, null, null, null, null, null, null);
    }
}
