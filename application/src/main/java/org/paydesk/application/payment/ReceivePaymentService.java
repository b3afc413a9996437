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
import org.paydesk.application.paymentmethod.port.in.AddPaymentMethodCommand;
import org.paydesk.application.paymentmethod.port.in.ManagePaymentMethodsUseCase;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
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
    private final ManagePaymentMethodsUseCase methods;

    @Inject
    public ReceivePaymentService(PaymentLedger ledger, PaymentProcessor processor,
            ManagePaymentMethodsUseCase methods) {
        this.ledger = ledger;
        this.processor = processor;
        this.methods = methods;
    }

    /** Refuses to run inside a caller's transaction: the processor call must never hold one open. */
    @Override
    @Transactional(Transactional.TxType.NEVER)
    public Payment receive(ReceivePaymentCommand command) {
        boolean offSession = command.savedMethod() != null;
        ReceivePaymentCommand resolved = offSession ? withSavedMethod(command) : command;
        PaymentLedger.Opened opened = ledger.open(resolved);
        if (opened.existedBefore()) {
            return opened.payment();
        }
        Payment payment = opened.payment();
        PaymentOutcome outcome;
        try {
            outcome = processor.charge(new ChargeRequest(opened.attempt().processorIdempotencyKey(), payment.id(),
                    payment.customerId(), payment.amount(), payment.method(),
                    "Paydesk payment " + payment.id() + " (" + payment.channel() + ")", offSession));
        } catch (RuntimeException lost) {
            LOG.log(Level.WARNING, "processor call for payment " + payment.id() + " ended without an answer", lost);
            outcome = new PaymentOutcome.Unknown(lost.getClass().getSimpleName());
        }
        Payment settled = ledger.settle(payment.id(), opened.attempt(), outcome, command.actor());
        if (command.saveMethod() && (settled.status() == PaymentStatus.SUCCEEDED
                || settled.status() == PaymentStatus.PROCESSING)) {
            saveForFuturePayments(settled, command);
        }
        return settled;
    }

    private ReceivePaymentCommand withSavedMethod(ReceivePaymentCommand command) {
        PaymentMethodToken saved = methods.savedMethod(command.customerId(), command.savedMethod());
        return new ReceivePaymentCommand(command.customerId(), command.amount(), saved.method(),
                command.allocations(), command.channel(), command.requestKey(), command.actor());
    }

    /** "Save for future payments": the payment stands even if saving the method fails; that is logged. */
    private void saveForFuturePayments(Payment payment, ReceivePaymentCommand command) {
        try {
            methods.add(new AddPaymentMethodCommand(payment.customerId(), payment.method(), false, command.actor()));
        } catch (RuntimeException notSaved) {
            LOG.log(Level.WARNING, "payment " + payment.id() + " went through but its method was not saved", notSaved);
        }
    }

    /** For CDI's proxy only. */
    protected ReceivePaymentService() {
        this(null, null, null);
    }
}
