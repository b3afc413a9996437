package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.payment.port.in.RefundPaymentCommand;
import org.paydesk.application.payment.port.in.RefundPaymentUseCase;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.application.payment.port.out.RefundRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.refund.Refund;
import org.paydesk.domain.refund.RefundId;

/**
 * Refunds a payment: record (money taken back from credit and invoices), ask the processor with no transaction open,
 * record its answer. A refund the processor has not finished is followed by the reconciler and by webhooks.
 */
@ApplicationScoped
public class RefundService implements RefundPaymentUseCase {

    private static final Logger LOG = Logger.getLogger(RefundService.class.getName());

    private final RefundLedger ledger;
    private final RefundProcessor processor;
    private final RefundRepository refunds;
    private final PaymentRepository payments;

    @Inject
    public RefundService(RefundLedger ledger, RefundProcessor processor, RefundRepository refunds,
            PaymentRepository payments) {
        this.ledger = ledger;
        this.processor = processor;
        this.refunds = refunds;
        this.payments = payments;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public Refund refund(RefundPaymentCommand command) {
        RefundLedger.Opened opened = ledger.open(command);
        if (opened.existedBefore()) {
            return opened.refund();
        }
        return ledger.record(opened.refund().id(), ask(opened), command.actor());
    }

    /**
     * Asks the processor again about a refund it has not finished (sending it again, with its own key, when it never
     * answered) and records the answer.
     *
     * @return the refund as it now stands
     */
    @Transactional(Transactional.TxType.NEVER)
    public Refund follow(RefundId id, Actor actor) {
        var pending = ledger.pending(id);
        if (pending.isEmpty()) {
            return refunds.find(id).orElseThrow(() -> new NotFoundException("refund " + id));
        }
        Refund refund = pending.get().refund();
        RefundOutcome outcome;
        try {
            outcome = refund.processorRefundId() == null ? ask(pending.get())
                    : processor.refundStatus(refund.processorRefundId());
        } catch (IllegalArgumentException unknownAtProcessor) {
            outcome = new RefundOutcome.Unknown("the processor knows no refund " + refund.processorRefundId());
        }
        return ledger.record(id, outcome, actor);
    }

    private RefundOutcome ask(RefundLedger.Opened opened) {
        try {
            return processor.refund(opened.request());
        } catch (RuntimeException lost) {
            // The key is derived from the refund's id, so asking again later can never refund twice.
            LOG.log(Level.WARNING, "refund " + opened.refund().id() + " got no answer from the processor: "
                    + lost.getClass().getSimpleName());
            return new RefundOutcome.Unknown(lost.getClass().getSimpleName());
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Refund> refundsOf(PaymentId payment) {
        if (payments.find(payment).isEmpty()) {
            throw new NotFoundException("payment " + payment);
        }
        return refunds.findByPayment(payment);
    }

    /** For CDI's proxy only. */
    protected RefundService() {
        this(null, null, null, null);
    }
}
