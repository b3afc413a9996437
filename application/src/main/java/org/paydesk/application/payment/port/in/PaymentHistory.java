package org.paydesk.application.payment.port.in;

import java.util.List;
import java.util.Objects;
import org.paydesk.domain.refund.Refund;

/**
 * Everything about one payment: the payment with its fee and net, its refunds (oldest first) and its timeline (every
 * audited state change and processor event about it, oldest first).
 */
public record PaymentHistory(PaymentSummary summary, List<Refund> refunds, List<TimelineEntry> timeline) {

    public PaymentHistory {
        Objects.requireNonNull(summary, "summary");
        refunds = List.copyOf(refunds);
        timeline = List.copyOf(timeline);
    }
}
