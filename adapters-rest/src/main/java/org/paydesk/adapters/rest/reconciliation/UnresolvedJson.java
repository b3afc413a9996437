package org.paydesk.adapters.rest.reconciliation;

import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.application.payment.port.in.UnresolvedItem;

/** A payment or refund the processor has not settled after several checks. */
public record UnresolvedJson(String kind, long id, long paymentId, long customerId, MoneyJson amount, String status,
        int checks, String since, String nextCheck, String lastResult) {

    static UnresolvedJson of(UnresolvedItem item) {
        return new UnresolvedJson(item.subject().name().toLowerCase(java.util.Locale.ROOT), item.subjectId(),
                item.paymentId(), item.customerId().value(), MoneyJson.of(item.amount()), item.status(),
                item.attempts(), item.since().toString(), item.nextCheck().toString(), item.lastResult());
    }
}
