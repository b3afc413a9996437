package org.paydesk.adapters.rest.payment;

import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.payment.AllocationPlan;

/** What a payment would do, computed without charging or changing anything. */
public record AllocationPreviewJson(MoneyJson amount, List<PaymentJson.AllocationJson> allocations,
        MoneyJson unapplied) {

    static AllocationPreviewJson of(AllocationPlan plan) {
        return new AllocationPreviewJson(MoneyJson.of(plan.amount()),
                plan.allocations().stream().map(PaymentJson.AllocationJson::of).toList(),
                MoneyJson.of(plan.unapplied()));
    }
}
