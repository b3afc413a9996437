package org.paydesk.adapters.rest.payment;

import java.util.List;
import org.paydesk.adapters.rest.refund.RefundJson;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.application.payment.port.in.PaymentHistory;
import org.paydesk.application.payment.port.in.TimelineEntry;
import org.paydesk.domain.payment.Payment;

/**
 * One payment's whole story: every field of {@link PaymentJson}, plus the processing fee and the net from the fee
 * schedule, its refunds (oldest first) and its timeline (every audited change and processor event, oldest first, with
 * who or what caused it).
 */
public record PaymentDetailJson(long id, long customerId, String status, MoneyJson amount,
        PaymentJson.MethodJson paymentMethod, String channel, List<PaymentJson.AllocationJson> allocations,
        MoneyJson unapplied, MoneyJson refunded, PaymentJson.FailureJson failure, String processorReference,
        String createdAt, String updatedAt, MoneyJson fee, MoneyJson net, List<RefundJson> refunds,
        List<TimelineEntryJson> timeline) {

    /**
     * One step of the story.
     *
     * @param actor a user's name, or {@code system:<component>} (e.g. {@code system:stripe-webhook})
     * @param origin the user's network address, or {@code internal}
     */
    public record TimelineEntryJson(String at, String action, String actor, String origin, String outcome,
            String detail) {

        static TimelineEntryJson of(TimelineEntry entry) {
            return new TimelineEntryJson(entry.at().toString(), entry.action(), entry.actor(), entry.origin(),
                    entry.outcome(), entry.detail());
        }
    }

    public static PaymentDetailJson of(PaymentHistory history) {
        Payment payment = history.summary().payment();
        PaymentJson base = PaymentJson.of(payment);
        return new PaymentDetailJson(base.id(), base.customerId(), base.status(), base.amount(), base.paymentMethod(),
                base.channel(), base.allocations(), base.unapplied(), base.refunded(), base.failure(),
                base.processorReference(), base.createdAt(), base.updatedAt(), MoneyJson.of(history.summary().fee()),
                MoneyJson.of(history.summary().net()), history.refunds().stream().map(RefundJson::of).toList(),
                history.timeline().stream().map(TimelineEntryJson::of).toList());
    }
}
