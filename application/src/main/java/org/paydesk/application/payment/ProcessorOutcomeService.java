package org.paydesk.application.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.paydesk.application.payment.port.in.RecordProcessorOutcomeUseCase;
import org.paydesk.application.payment.port.out.PaymentRepository;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentOutcome;

/** Applies outcomes the processor reports later (ACH settlement), through the same ledger step as a live answer. */
@ApplicationScoped
public class ProcessorOutcomeService implements RecordProcessorOutcomeUseCase {

    private final PaymentRepository payments;
    private final PaymentLedger ledger;

    @Inject
    public ProcessorOutcomeService(PaymentRepository payments, PaymentLedger ledger) {
        this.payments = payments;
        this.ledger = ledger;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public Optional<Payment> record(String processorReference, PaymentOutcome outcome, Actor actor) {
        return payments.findByProcessorReference(processorReference)
                .map(payment -> ledger.settle(payment.id(), null, outcome, actor));
    }

    /** For CDI's proxy only. */
    protected ProcessorOutcomeService() {
        this(null, null);
    }
}
