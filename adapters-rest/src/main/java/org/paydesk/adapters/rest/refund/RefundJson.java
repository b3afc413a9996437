package org.paydesk.adapters.rest.refund;

import java.util.List;
import org.paydesk.adapters.rest.payment.PaymentJson;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.refund.Refund;

/**
 * A refund as the API shows it: how much, how far the processor got, and where the money was taken from (the
 * payment's credit, then the invoices it reopened).
 */
public record RefundJson(long id, long paymentId, MoneyJson amount, String status, String processorRefundId,
        MoneyJson creditTakenBack, List<PaymentJson.AllocationJson> invoicesReopened, FailureJson failure,
        String createdAt, String updatedAt) {

    /** Why the processor refused it. */
    public record FailureJson(String code, String message) {
    }

    public static RefundJson of(Refund refund) {
        return new RefundJson(refund.id().value(), refund.paymentId().value(), MoneyJson.of(refund.amount()),
                refund.status().name(), refund.processorRefundId(), MoneyJson.of(refund.unwinding().creditTaken()),
                refund.unwinding().reopened().stream().map(PaymentJson.AllocationJson::of).toList(),
                refund.failureCode() == null ? null : new FailureJson(refund.failureCode(), refund.failureMessage()),
                refund.createdAt().toString(), refund.updatedAt().toString());
    }
}
