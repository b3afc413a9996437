package org.paydesk.domain.testdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.Money;

/**
 * Builds invoices: {@code aReceivable().withId(7).forCustomer(1).withBalance("100.00").dueOn(date).build()}.
 * Defaults: id 1, customer 1, number {@code INV-<id>}, issued 2024-01-01, due 30 days after issue, USD 100.00,
 * fully open, version 0. {@code withBalance} alone makes a fully open invoice of that amount; together with
 * {@code withAmount} it makes a partly paid one.
 */
public final class Receivables {

    public static final LocalDate DEFAULT_ISSUE_DATE = LocalDate.of(2024, 1, 1);

    private Receivables() {
    }

    public static Builder aReceivable() {
        return new Builder();
    }

    /** The invoices keyed by id, in the given order: the shape {@code Allocator} and {@code AllocationPlan} take. */
    public static Map<ReceivableId, Receivable> byId(Receivable... receivables) {
        return byId(Arrays.asList(receivables));
    }

    public static Map<ReceivableId, Receivable> byId(Collection<Receivable> receivables) {
        Map<ReceivableId, Receivable> byId = new LinkedHashMap<>();
        for (Receivable receivable : receivables) {
            if (byId.put(receivable.id(), receivable) != null) {
                throw new IllegalArgumentException("two receivables with id " + receivable.id());
            }
        }
        return byId;
    }

    /** A fluent builder; every setter returns the builder, {@link #build()} makes a new invoice each time. */
    public static final class Builder {

        private long id = 1;
        private long customerId = 1;
        private String number;
        private LocalDate issueDate = DEFAULT_ISSUE_DATE;
        private LocalDate dueDate;
        private String currencyCode = "USD";
        private String amount;
        private String balance;
        private long version;

        private Builder() {
        }

        public Builder withId(long id) {
            this.id = id;
            return this;
        }

        public Builder forCustomer(long customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder forCustomer(CustomerId customerId) {
            return forCustomer(customerId.value());
        }

        public Builder numbered(String number) {
            this.number = number;
            return this;
        }

        public Builder issuedOn(LocalDate issueDate) {
            this.issueDate = issueDate;
            return this;
        }

        public Builder dueOn(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        public Builder inCurrency(String currencyCode) {
            this.currencyCode = currencyCode;
            return this;
        }

        /** The invoice's original amount, as a decimal string in the invoice's currency. */
        public Builder withAmount(String amount) {
            this.amount = amount;
            return this;
        }

        /** The open balance, as a decimal string; without {@code withAmount} it is also the original amount. */
        public Builder withBalance(String balance) {
            this.balance = balance;
            return this;
        }

        /** Fully paid: the open balance is zero. */
        public Builder paid() {
            return withBalance("0");
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Receivable build() {
            String originalText = amount != null ? amount : balance != null && !isZero(balance) ? balance : "100.00";
            Money original = Money.parse(originalText, currencyCode);
            Money open = balance == null ? original : Money.parse(balance, currencyCode);
            return Receivable.restore(new ReceivableId(id), new CustomerId(customerId),
                    number == null ? "INV-" + id : number, issueDate,
                    dueDate == null && issueDate != null ? issueDate.plusDays(30) : dueDate, original, open, version);
        }

        private static boolean isZero(String decimal) {
            return new BigDecimal(decimal).signum() == 0;
        }
    }
}
