package org.paydesk.application.payment.port.in;

import java.util.Optional;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * The processor reports how a charge ended after the fact (an ACH debit settling or failing). Repeated or late
 * reports never move a payment backwards.
 */
public interface RecordProcessorOutcomeUseCase {

    /** @return the payment as it now stands, or empty when no payment has that processor reference */
    Optional<Payment> record(String processorReference, PaymentOutcome outcome, Actor actor);
}
