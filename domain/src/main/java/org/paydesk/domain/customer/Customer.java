package org.paydesk.domain.customer;

import java.util.Currency;
import java.util.Objects;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.paydesk.domain.shared.Text;

/**
 * A distributor's customer: who owes the invoices and who holds unapplied money as credit.
 *
 * <p>Invariants: the credit balance is in the customer's currency and never negative; the customer number
 * is the business key shared with the ERP and never changes.
 */
public final class Customer {

    private final CustomerId id;
    private final String number;
    private final String name;
    private final String email;
    private final Currency currency;
    private Money creditBalance;
    private CustomerPreferences preferences;
    private final long version;

    private Customer(CustomerId id, String number, String name, String email, Currency currency,
            Money creditBalance, CustomerPreferences preferences, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.number = Text.required(number, "number", 40);
        this.name = Text.required(name, "name", 200);
        this.email = email == null || email.isBlank() ? null : checkedEmail(email);
        this.currency = Objects.requireNonNull(currency, "currency");
        if (!creditBalance.currency().equals(currency)) {
            throw new IllegalArgumentException("credit in " + creditBalance.currency() + " for a " + currency
                    + " customer");
        }
        if (creditBalance.isNegative()) {
            throw new IllegalArgumentException("negative credit balance " + creditBalance);
        }
        this.creditBalance = creditBalance;
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.version = version;
    }

    /** A new customer with no credit. */
    public static Customer register(CustomerId id, String number, String name, String email, Currency currency) {
        return new Customer(id, number, name, email, currency, Money.zero(currency), CustomerPreferences.DEFAULT, 0);
    }

    /** Rebuilds a customer from storage. */
    public static Customer restore(CustomerId id, String number, String name, String email, Currency currency,
            Money creditBalance, CustomerPreferences preferences, long version) {
        return new Customer(id, number, name, email, currency, creditBalance, preferences, version);
    }

    /** Changes how the distributor deals with this customer; money already moved is not affected. */
    public void changePreferences(CustomerPreferences changed) {
        this.preferences = Objects.requireNonNull(changed, "preferences");
    }

    /** Keeps money that was paid but applied to no invoice. */
    public void addCredit(Money amount) {
        requirePositiveInOwnCurrency(amount);
        creditBalance = creditBalance.plus(amount);
    }

    /** Takes back credit, e.g. when the payment that created it is reversed. */
    public void removeCredit(Money amount) {
        requirePositiveInOwnCurrency(amount);
        if (amount.isGreaterThan(creditBalance)) {
            throw new DomainException("insufficient_credit", "amount",
                    "customer " + number + " has " + creditBalance + " of credit, not " + amount);
        }
        creditBalance = creditBalance.minus(amount);
    }

    private void requirePositiveInOwnCurrency(Money amount) {
        if (!amount.currency().equals(currency)) {
            throw new DomainException("currency_mismatch", "currency",
                    "customer " + number + " is billed in " + currency.getCurrencyCode() + ", not "
                            + amount.currency().getCurrencyCode());
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("credit movements are positive: " + amount);
        }
    }

    private static String checkedEmail(String email) {
        return Text.email(email, "email");
    }

    public CustomerId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String name() {
        return name;
    }

    /** The address for receipts and links, or {@code null} when none is known. */
    public String email() {
        return email;
    }

    public Currency currency() {
        return currency;
    }

    public Money creditBalance() {
        return creditBalance;
    }

    public CustomerPreferences preferences() {
        return preferences;
    }

    public long version() {
        return version;
    }
}
