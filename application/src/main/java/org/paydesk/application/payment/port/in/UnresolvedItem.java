package org.paydesk.application.payment.port.in;

import java.time.Instant;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.shared.Money;

/**
 * A payment or refund the reconciler could not settle yet, for staff.
 *
 * @param paymentId the payment, or the refunded payment for a refund
 * @param status the payment's or refund's status now
 */
public record UnresolvedItem(FollowUp.Subject subject, long subjectId, long paymentId, CustomerId customerId,
        Money amount, String status, int attempts, Instant since, Instant nextCheck, String lastResult) {
}
