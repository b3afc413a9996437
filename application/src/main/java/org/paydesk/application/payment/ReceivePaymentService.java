package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.payment.port.in.ReceivePaymentUseCase;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * Receives a payment in three steps: record the attempt (one transaction), call the processor (no transaction),
 * record the outcome (another transaction). A crash between the steps leaves a payment that the stored attempt
 * explains; the processor's idempotency key comes from that attempt, so no retry can charge twice.
 */
@ApplicationScoped
public class ReceivePaymentService implements ReceivePaymentUseCase {

    private static final Logger LOG = Logger.getLogger(ReceivePaymentService.class.getName());

    private final PaymentLedger ledger;
    private final PaymentProcessor processor;

    @Inject
    public ReceivePaymentService(PaymentLedger ledger, PaymentProcessor processor) {
        this.ledger = ledger;
        this.processor = processor;
    }

    /** Refuses to run inside a caller's transaction: the processor call must never hold one open. */
    @Override
    @Transactional(Transactional.TxType.NEVER)
    public Payment receive(ReceivePaymentCommand command) {
        PaymentLedger.Opened opened = ledger.open(command);
        if (opened.existedBefore()) {
            return opened.payment();
        }
        Payment payment = opened.payment();
        PaymentOutcome outcome;
        try {
            outcome = processor.charge(new ChargeRequest(opened.attempt().processorIdempotencyKey(), payment.id(),
                    payment.customerId(), payment.amount(), payment.method(),
                    "Paydesk payment " + payment.id() + " (" + payment.channel() + ")"));
        } catch (RuntimeException lost) {
            LOG.log(Level.WARNING, "processor call for payment " + payment.id() + " ended without an answer", lost);
            outcome = new PaymentOutcome.Unknown(lost.getClass().getSimpleName());
        }
        return ledger.settle(payment.id(), opened.attempt(), outcome, command.actor());
    }

    /** For CDI's proxy only. */
    protected ReceivePaymentService() {
        this(null, null);
    }
}
