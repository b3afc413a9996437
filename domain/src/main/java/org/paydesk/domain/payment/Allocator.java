package org.paydesk.domain.payment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * Splits a payment over a customer's invoices, either as staff instructed or oldest due first. It only plans:
 * nothing is changed until the plan is applied.
 */
public final class Allocator {

    private Allocator() {
    }

    /**
     * Applies the amount to the customer's open invoices, oldest due first, each up to its open balance; what
     * is left over stays unapplied.
     *
     * @param open the customer's open invoices, in any order (they are sorted here)
     */
    public static AllocationPlan oldestDueFirst(Money amount, CustomerId customer, List<Receivable> open) {
        requirePositive(amount);
        // Every invoice offered is checked, not only those the money reaches, so the answer does not depend on
        // the amount.
        open.forEach(receivable -> requireOwnedBy(customer, receivable, "customerId"));
        List<Receivable> ordered = new ArrayList<>(open);
        ordered.sort(Receivable.OLDEST_DUE_FIRST);
        List<Allocation> allocations = new ArrayList<>();
        Money remaining = amount;
        for (Receivable receivable : ordered) {
            if (remaining.isZero()) {
                break;
            }
            if (!receivable.isOpen()) {
                continue;
            }
            Money applied = remaining.min(receivable.openBalance());
            allocations.add(new Allocation(receivable.id(), receivable.number(), applied));
            remaining = remaining.minus(applied);
        }
        return new AllocationPlan(amount, allocations, remaining);
    }

    /**
     * Applies exactly the amounts staff asked for; the rest of the payment stays unapplied.
     *
     * @param known the receivables the requests name, by id (those not found are reported as unknown)
     * @throws DomainException naming the request at fault as {@code allocations[i].receivableId} or
     *     {@code allocations[i].amount}
     */
    public static AllocationPlan explicit(Money amount, CustomerId customer, List<AllocationRequest> requests,
            Map<ReceivableId, Receivable> known) {
        requirePositive(amount);
        List<Allocation> allocations = new ArrayList<>();
        Set<ReceivableId> seen = new HashSet<>();
        Money allocated = Money.zero(amount.currency());
        for (int i = 0; i < requests.size(); i++) {
            AllocationRequest request = requests.get(i);
            String at = "allocations[" + i + "]";
            Receivable receivable = known.get(request.receivableId());
            if (receivable == null) {
                throw new DomainException("receivable_not_found", at + ".receivableId",
                        "no invoice " + request.receivableId());
            }
            requireOwnedBy(customer, receivable, at + ".receivableId");
            if (!seen.add(receivable.id())) {
                throw new DomainException("duplicate_allocation", at + ".receivableId",
                        "invoice " + receivable.number() + " is named twice");
            }
            if (!request.amount().hasSameCurrencyAs(amount)) {
                throw new DomainException("currency_mismatch", at + ".amount.currency",
                        "allocations must be in the payment's currency " + amount.currency().getCurrencyCode());
            }
            if (!request.amount().isPositive()) {
                throw new DomainException("invalid_amount", at + ".amount", "an allocation must be greater than zero");
            }
            if (request.amount().isGreaterThan(receivable.openBalance())) {
                throw new DomainException("allocation_exceeds_balance", at + ".amount", "invoice "
                        + receivable.number() + " has " + receivable.openBalance() + " open, not " + request.amount());
            }
            allocated = allocated.plus(request.amount());
            if (allocated.isGreaterThan(amount)) {
                throw new DomainException("allocations_exceed_payment", at + ".amount",
                        "the allocations add up to more than the payment's " + amount);
            }
            allocations.add(new Allocation(receivable.id(), receivable.number(), request.amount()));
        }
        return new AllocationPlan(amount, allocations, amount.minus(allocated));
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new DomainException("invalid_amount", "amount", "a payment must be greater than zero");
        }
    }

    private static void requireOwnedBy(CustomerId customer, Receivable receivable, String field) {
        if (!receivable.belongsTo(customer)) {
            throw new DomainException("receivable_of_another_customer", field,
                    "invoice " + receivable.number() + " belongs to another customer");
        }
    }
}
