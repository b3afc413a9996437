package org.paydesk.application.payment.port.in;

import java.util.Objects;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.shared.Money;

/**
 * A payment as the history lists it, with the processing fee from the fee schedule and what is left after it.
 *
 * @param fee zero for a payment the processor did not charge (see {@code FeeSchedule})
 * @param net the amount less the fee; refunds do not change it
 */
public record PaymentSummary(Payment payment, Money fee, Money net) {

    public PaymentSummary {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(net, "net");
    }
}
