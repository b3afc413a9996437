package org.paydesk.domain.payment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * Where money that leaves a payment (a refund, an ACH return) is taken from: first the customer credit the payment
 * created and is still unused, then the invoices it paid, newest first, reopening them.
 *
 * <p>Invariant: {@code creditTaken + sum(reopened) == total}; every part is positive or the list is empty.
 */
public record Unwinding(Money creditTaken, List<Allocation> reopened) {

    /** Newest invoice first: the latest issue date, then the highest number. */
    private static final Comparator<Receivable> NEWEST_FIRST = Comparator.comparing(Receivable::issueDate)
            .thenComparing(Receivable::number).reversed();

    public Unwinding {
        Objects.requireNonNull(creditTaken, "creditTaken");
        reopened = List.copyOf(reopened);
        if (creditTaken.isNegative()) {
            throw new IllegalArgumentException("credit taken cannot be negative: " + creditTaken);
        }
    }

    /**
     * Plans taking {@code amount} out of {@code payment}, after what {@code earlier} unwindings of the same payment
     * (refunds not refused) already took.
     *
     * @param creditAvailable the customer's credit balance now; the payment's credit may have been used since
     * @param receivables every invoice the payment applies to
     * @throws DomainException {@code credit_already_used} when the payment's credit was spent and its invoices cannot
     *     make up the amount
     */
    public static Unwinding plan(Payment payment, List<Unwinding> earlier, Money amount, Money creditAvailable,
            Map<ReceivableId, Receivable> receivables) {
        Money zero = Money.zero(amount.currency());
        Money creditLeft = payment.unapplied();
        for (Unwinding before : earlier) {
            creditLeft = creditLeft.minus(before.creditTaken());
        }
        creditLeft = creditLeft.min(creditAvailable);
        Money take = creditLeft.isPositive() ? creditLeft.min(amount) : zero;
        Money remaining = amount.minus(take);

        List<Receivable> paid = payment.allocations().stream()
                .map(allocation -> Objects.requireNonNull(receivables.get(allocation.receivableId()),
                        () -> "receivable " + allocation.receivableId() + " was not loaded"))
                .sorted(NEWEST_FIRST).toList();
        List<Allocation> reopen = new ArrayList<>();
        for (Receivable receivable : paid) {
            if (!remaining.isPositive()) {
                break;
            }
            Money left = appliedTo(payment, receivable.id());
            for (Unwinding before : earlier) {
                left = left.minus(before.reopenedOn(receivable.id()));
            }
            if (left.isPositive()) {
                Money part = left.min(remaining);
                reopen.add(new Allocation(receivable.id(), receivable.number(), part));
                remaining = remaining.minus(part);
            }
        }
        if (remaining.isPositive()) {
            throw new DomainException("credit_already_used", "amount", "payment " + payment.id() + " cannot give back "
                    + amount + ": " + remaining + " of its customer credit has been used since");
        }
        return new Unwinding(take, reopen);
    }

    private static Money appliedTo(Payment payment, ReceivableId receivable) {
        return payment.allocations().stream().filter(a -> a.receivableId().equals(receivable))
                .map(Allocation::amount).findFirst().orElseThrow();
    }

    /** Takes the credit from the customer and reopens the invoices. */
    public void applyTo(Customer customer, Map<ReceivableId, Receivable> receivables) {
        if (creditTaken.isPositive()) {
            customer.removeCredit(creditTaken);
        }
        reopened.forEach(part -> receivables.get(part.receivableId()).reverse(part.amount()));
    }

    /**
     * Puts the money back after the processor refused to give it: applied again to each reopened invoice as far as
     * it is still open (another payment may have paid it meanwhile), the rest as customer credit. Nothing is lost.
     *
     * @return the part that became credit instead of going back to its invoice
     */
    public Money undoOn(Customer customer, Map<ReceivableId, Receivable> receivables) {
        Money toCredit = creditTaken;
        for (Allocation part : reopened) {
            Receivable receivable = receivables.get(part.receivableId());
            Money back = part.amount().min(receivable.openBalance());
            if (back.isPositive()) {
                receivable.apply(back);
            }
            toCredit = toCredit.plus(part.amount().minus(back));
        }
        if (toCredit.isPositive()) {
            customer.addCredit(toCredit);
        }
        return toCredit.minus(creditTaken);
    }

    /** How much of one invoice this unwinding reopened. */
    public Money reopenedOn(ReceivableId receivable) {
        return reopened.stream().filter(a -> a.receivableId().equals(receivable)).map(Allocation::amount)
                .reduce(Money::plus).orElse(Money.zero(creditTaken.currency()));
    }

    public Money total() {
        return reopened.stream().map(Allocation::amount).reduce(creditTaken, Money::plus);
    }
}
