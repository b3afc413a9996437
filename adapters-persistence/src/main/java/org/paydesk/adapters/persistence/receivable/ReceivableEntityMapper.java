package org.paydesk.adapters.persistence.receivable;

import java.util.Currency;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/** Between {@link Receivable} and its row; the version travels into the domain object so stale updates fail. */
final class ReceivableEntityMapper {

    private ReceivableEntityMapper() {
    }

    static Receivable toDomain(ReceivableEntity entity) {
        Currency currency = Currency.getInstance(entity.currency());
        return Receivable.restore(new ReceivableId(entity.id()), new CustomerId(entity.customerId()),
                entity.invoiceNumber(), entity.issueDate(), entity.dueDate(),
                Money.ofMinor(entity.originalMinor(), currency), Money.ofMinor(entity.openMinor(), currency),
                entity.version());
    }

    static ReceivableEntity toNewEntity(Receivable receivable) {
        return new ReceivableEntity(receivable.id().value(), receivable.customerId().value(), receivable.number(),
                receivable.issueDate(), receivable.dueDate(),
                receivable.originalAmount().currency().getCurrencyCode(), receivable.originalAmount().minorUnits(),
                receivable.openBalance().minorUnits());
    }

    /** Copies what may change after import: the open balance. */
    static void copyChanges(Receivable receivable, ReceivableEntity entity) {
        entity.changeOpenBalance(receivable.openBalance().minorUnits());
    }
}
