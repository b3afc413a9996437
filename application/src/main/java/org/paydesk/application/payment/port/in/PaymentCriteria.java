package org.paydesk.application.payment.port.in;

import java.time.LocalDate;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;

/**
 * The payment history's filters: every non-null criterion must hold.
 *
 * @param from first day (UTC) the payment was recorded on, inclusive
 * @param to last day (UTC) the payment was recorded on, inclusive
 */
public record PaymentCriteria(CustomerId customerId, LocalDate from, LocalDate to, PaymentStatus status,
        PaymentMethodType method, PaymentChannel channel) {

    public PaymentCriteria {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "invalid_date_range", "to must not be before from");
        }
    }

    /** No filter: every payment. */
    public static PaymentCriteria all() {
        return new PaymentCriteria(null, null, null, null, null, null);
    }
}
