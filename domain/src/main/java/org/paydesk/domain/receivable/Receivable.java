package org.paydesk.domain.receivable;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.paydesk.domain.shared.Text;

/**
 * An open invoice: what a customer owes on one document.
 *
 * <p>Invariants: {@code 0 <= openBalance <= originalAmount}, both in one currency; applying money lowers the
 * balance and can never take it below zero; a reversal reopens it and can never take it above the original.
 */
public final class Receivable {

    /** Oldest due first; issue date, then id, break ties so the order is total and repeatable. */
    public static final Comparator<Receivable> OLDEST_DUE_FIRST = Comparator
            .comparing(Receivable::dueDate)
            .thenComparing(Receivable::issueDate)
            .thenComparingLong(receivable -> receivable.id().value());

    private final ReceivableId id;
    private final CustomerId customerId;
    private final String number;
    private final LocalDate issueDate;
    private final LocalDate dueDate;
    private final Money originalAmount;
    private Money openBalance;
    private final long version;

    private Receivable(ReceivableId id, CustomerId customerId, String number, LocalDate issueDate,
            LocalDate dueDate, Money originalAmount, Money openBalance, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.number = Text.required(number, "number", 40);
        if (issueDate == null) {
            throw new DomainException("required", "issueDate", "issueDate is required");
        }
        if (dueDate == null) {
            throw new DomainException("required", "dueDate", "dueDate is required");
        }
        if (dueDate.isBefore(issueDate)) {
            throw new DomainException("due_before_issue", "dueDate", "an invoice cannot fall due before it is issued");
        }
        if (!originalAmount.isPositive()) {
            throw new DomainException("invalid_amount", "amount", "an invoice's amount must be greater than zero");
        }
        if (openBalance.isNegative() || openBalance.isGreaterThan(originalAmount)) {
            throw new IllegalArgumentException("open balance " + openBalance + " outside 0.." + originalAmount);
        }
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.originalAmount = originalAmount;
        this.openBalance = openBalance;
        this.version = version;
    }

    /** A newly imported invoice, fully open. */
    public static Receivable open(ReceivableId id, CustomerId customerId, String number, LocalDate issueDate,
            LocalDate dueDate, Money amount) {
        return new Receivable(id, customerId, number, issueDate, dueDate, amount, amount, 0);
    }

    /** An imported invoice of which part was already paid elsewhere. */
    public static Receivable importWithBalance(ReceivableId id, CustomerId customerId, String number,
            LocalDate issueDate, LocalDate dueDate, Money amount, Money openBalance) {
        if (!openBalance.hasSameCurrencyAs(amount)) {
            throw new DomainException("currency_mismatch", "openBalance.currency",
                    "openBalance must be in the invoice's currency " + amount.currency().getCurrencyCode());
        }
        if (openBalance.isNegative() || openBalance.isGreaterThan(amount)) {
            throw new DomainException("invalid_open_balance", "openBalance",
                    "openBalance must be between 0 and the invoice amount");
        }
        return new Receivable(id, customerId, number, issueDate, dueDate, amount, openBalance, 0);
    }

    /** Rebuilds a receivable from storage. */
    public static Receivable restore(ReceivableId id, CustomerId customerId, String number, LocalDate issueDate,
            LocalDate dueDate, Money originalAmount, Money openBalance, long version) {
        return new Receivable(id, customerId, number, issueDate, dueDate, originalAmount, openBalance, version);
    }

    /**
     * Lowers the open balance by money applied from a payment.
     *
     * @throws DomainException {@code allocation_exceeds_balance} when the amount is more than is open
     */
    public void apply(Money amount) {
        requirePositive(amount);
        if (amount.isGreaterThan(openBalance)) {
            throw new DomainException("allocation_exceeds_balance", "amount",
                    "invoice " + number + " has " + openBalance + " open; cannot apply " + amount);
        }
        openBalance = openBalance.minus(amount);
    }

    /** Reopens the balance by money that was applied and is now taken back (decline, refund, ACH return). */
    public void reverse(Money amount) {
        requirePositive(amount);
        Money reopened = openBalance.plus(amount);
        if (reopened.isGreaterThan(originalAmount)) {
            throw new IllegalStateException("reversing " + amount + " would take invoice " + number
                    + " above its original amount " + originalAmount);
        }
        openBalance = reopened;
    }

    private void requirePositive(Money amount) {
        if (!amount.hasSameCurrencyAs(originalAmount)) {
            throw new DomainException("currency_mismatch", "currency", "invoice " + number + " is in "
                    + originalAmount.currency().getCurrencyCode() + ", not "
                    + amount.currency().getCurrencyCode());
        }
        if (!amount.isPositive()) {
            throw new DomainException("invalid_amount", "amount", "an applied amount must be greater than zero");
        }
    }

    public boolean isOpen() {
        return openBalance.isPositive();
    }

    public boolean belongsTo(CustomerId customer) {
        return customerId.equals(customer);
    }

    public ReceivableStatus status() {
        if (openBalance.isZero()) {
            return ReceivableStatus.PAID;
        }
        return openBalance.equals(originalAmount) ? ReceivableStatus.OPEN : ReceivableStatus.PARTIALLY_PAID;
    }

    public ReceivableId id() {
        return id;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public String number() {
        return number;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Money originalAmount() {
        return originalAmount;
    }

    public Money openBalance() {
        return openBalance;
    }

    public long version() {
        return version;
    }
}
