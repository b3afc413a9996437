package org.paydesk.domain.payment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/**
 * How one payment's amount is split: positive allocations to distinct invoices, and the unapplied rest that
 * becomes customer credit.
 *
 * <p>Invariant: {@code sum(allocations) + unapplied == amount}, with {@code unapplied >= 0}.
 */
public record AllocationPlan(Money amount, List<Allocation> allocations, Money unapplied) {

    public AllocationPlan {
        Objects.requireNonNull(amount, "amount");
        allocations = List.copyOf(allocations);
        Objects.requireNonNull(unapplied, "unapplied");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a plan splits a positive amount: " + amount);
        }
        if (unapplied.isNegative()) {
            throw new IllegalArgumentException("unapplied cannot be negative: " + unapplied);
        }
        Money total = unapplied;
        Set<ReceivableId> seen = new HashSet<>();
        for (Allocation allocation : allocations) {
            if (!seen.add(allocation.receivableId())) {
                throw new IllegalArgumentException("two allocations to receivable " + allocation.receivableId());
            }
            total = total.plus(allocation.amount());
        }
        if (!total.equals(amount)) {
            throw new IllegalArgumentException("allocated " + total.minus(unapplied) + " + unapplied " + unapplied
                    + " != amount " + amount);
        }
    }

    public Money allocated() {
        return amount.minus(unapplied);
    }

    /**
     * Lowers each planned invoice's balance; the map must hold every receivable the plan names. All or nothing:
     * when one invoice refuses (its balance is now lower than planned), the invoices already lowered are restored.
     */
    public void applyTo(Map<ReceivableId, Receivable> receivables) {
        List<Allocation> done = new ArrayList<>();
        try {
            for (Allocation allocation : allocations) {
                receivableFor(receivables, allocation).apply(allocation.amount());
                done.add(allocation);
            }
        } catch (RuntimeException refused) {
            done.forEach(allocation -> receivables.get(allocation.receivableId()).reverse(allocation.amount()));
            throw refused;
        }
    }

    /** Reopens each planned invoice's balance, undoing {@link #applyTo}; all or nothing, like it. */
    public void reverseOn(Map<ReceivableId, Receivable> receivables) {
        List<Allocation> done = new ArrayList<>();
        try {
            for (Allocation allocation : allocations) {
                receivableFor(receivables, allocation).reverse(allocation.amount());
                done.add(allocation);
            }
        } catch (RuntimeException refused) {
            done.forEach(allocation -> receivables.get(allocation.receivableId()).apply(allocation.amount()));
            throw refused;
        }
    }

    private static Receivable receivableFor(Map<ReceivableId, Receivable> receivables, Allocation allocation) {
        Receivable receivable = receivables.get(allocation.receivableId());
        if (receivable == null) {
            throw new IllegalArgumentException("receivable " + allocation.receivableId() + " was not loaded");
        }
        return receivable;
    }
}
