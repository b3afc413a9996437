package org.paydesk.adapters.rest.receivable;

import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;

/** Body of {@code POST /receivables}: one customer's open invoices, pushed by an enterprise app. */
public record ImportReceivablesJson(Long customerId, List<Line> receivables) {

    /** One invoice; {@code openBalance} is optional (fully open when absent). */
    public record Line(String number, String issueDate, String dueDate, MoneyJson amount, MoneyJson openBalance) {
    }
}
