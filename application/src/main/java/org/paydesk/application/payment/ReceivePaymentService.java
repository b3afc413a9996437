package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.function.Function;
import org.paydesk.application.idempotency.port.in.IdempotencyClaim;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.IdempotentRequests;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.shared.DomainException;
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
    private final IdempotentRequests keys;

    @Inject
    public ReceivePaymentService(PaymentLedger ledger, PaymentProcessor processor,
            ManagePaymentMethodsUseCase methods, IdempotentRequests keys) {
        this.ledger = ledger;
        this.processor = processor;
        this.methods = methods;
        this.keys = keys;
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
        Payment settled = ledger.settle(opened.payment().id(), opened.attempt(),
                charge(opened, offSession, command.saveMethod()), command.actor());
        afterSettled(settled, command);
        return settled;
    }

    /**
     * Two commits in all, as without a key: the key is claimed in the transaction that records the payment, and its
     * answer kept in the one that records the outcome.
     */
    @Override
    @Transactional(Transactional.TxType.NEVER)
    public IdempotentAnswer receive(ReceivePaymentCommand command, IdempotentRequest request,
            Function<Payment, StoredResponse> respond) {
        return receive(command, request, respond, PaymentPurpose.NONE);
    }

    /**
     * As {@link #receive(ReceivePaymentCommand, IdempotentRequest, Function)}, for a payment taken for a purpose
     * (an order, a cart) that is told of it, and may refuse it, before anything is charged.
     */
    @Transactional(Transactional.TxType.NEVER)
    public IdempotentAnswer receive(ReceivePaymentCommand command, IdempotentRequest request,
            Function<Payment, StoredResponse> respond, PaymentPurpose purpose) {
        boolean offSession = command.savedMethod() != null;
        ReceivePaymentCommand resolved = offSession ? withSavedMethod(command) : command;
        PaymentLedger.Opened opened;
        try {
            opened = ledger.open(resolved, request, purpose);
        } catch (RuntimeException failed) {
            if (isRefusal(failed)) {
                throw failed;
            }
            // The first transaction failed: perhaps another request claimed the same key at the same moment. The
            // key's state answers that (running: 409 here; finished: its answer is replayed).
            IdempotencyClaim state = keys.claim(request.scope(), request.key(), request.fingerprint());
            if (state.isReplay()) {
                return new IdempotentAnswer(state.replay().orElseThrow(), true);
            }
            keys.release(request.scope(), request.key());
            throw failed;
        }
        if (opened.replay() != null) {
            return new IdempotentAnswer(opened.replay(), true);
        }
        if (opened.existedBefore()) {
            return new IdempotentAnswer(ledger.answerFor(opened.payment().id(), request, respond).response(), false);
        }
        PaymentLedger.Answered answered = ledger.settleAndAnswer(opened.payment().id(), opened.attempt(),
                charge(opened, offSession, command.saveMethod()), command.actor(), request, respond);
        afterSettled(answered.payment(), command);
        return new IdempotentAnswer(answered.response(), false);
    }

    private static boolean isRefusal(RuntimeException failed) {
        return failed instanceof DomainException || failed instanceof ConflictException
                || failed instanceof InvalidRequestException || failed instanceof NotFoundException;
    }

    private PaymentOutcome charge(PaymentLedger.Opened opened, boolean offSession, boolean saveForFuture) {
        Payment payment = opened.payment();
        PaymentOutcome outcome;
        try {
            outcome = processor.charge(new ChargeRequest(opened.attempt().processorIdempotencyKey(), payment.id(),
                    payment.customerId(), payment.amount(), payment.method(),
                    "Paydesk payment " + payment.id() + " (" + payment.channel() + ")", offSession,
                    saveForFuture && !offSession));
        } catch (RuntimeException lost) {
            LOG.log(Level.WARNING, "processor call for payment " + payment.id() + " ended without an answer", lost);
            outcome = new PaymentOutcome.Unknown(lost.getClass().getSimpleName());
        }
        return outcome;
    }

    private void afterSettled(Payment settled, ReceivePaymentCommand command) {
        if (command.saveMethod() && (settled.status() == PaymentStatus.SUCCEEDED
                || settled.status() == PaymentStatus.PROCESSING)) {
            saveForFuturePayments(settled, command);
        }
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
        this(null, null, null, null);
    }
}
