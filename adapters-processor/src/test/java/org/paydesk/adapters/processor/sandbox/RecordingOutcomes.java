package org.paydesk.adapters.processor.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paydesk.application.payment.port.in.RecordProcessorOutcomeUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/**
 * Stands in for Paydesk's outcome use case: records every report and, like Paydesk before it has stored a charge's
 * reference, answers "no such payment" for the first few reports when told to.
 */
final class RecordingOutcomes implements RecordProcessorOutcomeUseCase {

    private final List<Report> reports = new ArrayList<>();
    private int unknownFor;
    private RuntimeException failure;

    /** The next {@code count} reports find no payment. */
    RecordingOutcomes answeringUnknownFor(int count) {
        this.unknownFor = count;
        return this;
    }

    /** Every report throws this, as a database outage would. */
    RecordingOutcomes failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public synchronized Optional<Payment> record(String processorReference, PaymentOutcome outcome, Actor actor) {
        reports.add(new Report(processorReference, outcome, actor));
        if (failure != null) {
            throw failure;
        }
        if (unknownFor > 0) {
            unknownFor--;
            return Optional.empty();
        }
        Money amount = Money.ofMinor(10_000, "USD");
        PaymentMethod method = new PaymentMethod(PaymentMethodType.ACH, "pm_usBankAccount_success");
        return Optional.of(Payment.initiate(new PaymentId(1), new CustomerId(1), method,
                PaymentChannel.ACCOUNTS_RECEIVABLE, new AllocationPlan(amount, List.of(), amount), null,
                Instant.parse("2030-01-01T00:00:00Z")));
    }

    synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    record Report(String reference, PaymentOutcome outcome, Actor actor) {
    }
}
