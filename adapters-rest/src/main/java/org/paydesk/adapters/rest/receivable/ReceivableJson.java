package org.paydesk.adapters.rest.receivable;

import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.domain.receivable.Receivable;

/** An invoice as the API shows it. */
public record ReceivableJson(long id, long customerId, String number, String issueDate, String dueDate,
        MoneyJson amount, MoneyJson openBalance, String status) {

    static ReceivableJson of(Receivable receivable) {
        return new ReceivableJson(receivable.id().value(), receivable.customerId().value(), receivable.number(),
                receivable.issueDate().toString(), receivable.dueDate().toString(),
                MoneyJson.of(receivable.originalAmount()), MoneyJson.of(receivable.openBalance()),
                receivable.status().name());
    }
}
