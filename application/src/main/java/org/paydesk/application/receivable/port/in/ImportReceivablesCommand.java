package org.paydesk.application.receivable.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.InvalidRequestException;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.shared.Money;

/** Open invoices pushed by an enterprise app for one customer. */
public record ImportReceivablesCommand(CustomerId customerId, List<Line> receivables, Actor actor) {

    /** At most this many invoices in one import, so one request cannot hold a lock for long. */
    public static final int MAX_LINES = 500;

    public ImportReceivablesCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(actor, "actor");
        if (receivables == null || receivables.isEmpty()) {
            throw new InvalidRequestException("receivables", "required", "receivables must list at least one invoice");
        }
        if (receivables.size() > MAX_LINES) {
            throw new InvalidRequestException("receivables", "too_many", "at most " + MAX_LINES + " invoices at once");
        }
        receivables = List.copyOf(receivables);
    }

    /**
     * One invoice. {@code openBalance} may be null: the invoice is then fully open.
     */
    public record Line(String number, LocalDate issueDate, LocalDate dueDate, Money amount, Money openBalance) {
    }
}
