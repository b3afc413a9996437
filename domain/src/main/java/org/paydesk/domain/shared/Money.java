package org.paydesk.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of one currency, held exactly in the currency's minor units (cents for USD, yen for JPY).
 *
 * <p>Invariants: never a floating-point value; arithmetic only between equal currencies (a mismatch names
 * both); parsing refuses more fraction digits than the currency has instead of rounding.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    /** 999,999,999,999 major units: far above any invoice, far below overflow in sums of many amounts. */
    private static final long MAX_MAJOR_UNITS = 999_999_999_999L;
    /** Sign, integer digits (group 1), fraction digits (group 2); any length, checked after matching. */
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+)(?:\\.(\\d+))?");
    private static final int MAX_INTEGER_DIGITS = Long.toString(MAX_MAJOR_UNITS).length();

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new DomainException("invalid_currency", "currency",
                    currency.getCurrencyCode() + " is not a currency that payments can be made in");
        }
    }

    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currencyOf(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Reads a decimal string such as {@code "125.50"} in the given ISO 4217 currency.
     *
     * @throws DomainException {@code invalid_currency} (field {@code currency}), {@code invalid_amount} or
     *     {@code too_many_fraction_digits} or {@code amount_too_large} (field {@code amount})
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = currencyOf(currencyCode);
        Matcher parts = amount == null ? null : DECIMAL.matcher(amount);
        if (parts == null || !parts.matches()) {
            throw new DomainException("invalid_amount", "amount",
                    "amount must be a decimal number written as a string, such as \"125.50\"");
        }
        int digits = currency.getDefaultFractionDigits();
        int scale = parts.group(2) == null ? 0 : parts.group(2).length();
        if (scale > digits) {
            throw new DomainException("too_many_fraction_digits", "amount",
                    currency.getCurrencyCode() + " has " + digits + " fraction digits; " + amount + " has " + scale);
        }
        // Counted on the text, so a number of any length is reported as too large, never as malformed, and
        // no huge BigDecimal is ever built.
        if (significantDigits(parts.group(1)) > MAX_INTEGER_DIGITS) {
            throw new DomainException("amount_too_large", "amount", "amount is above " + MAX_MAJOR_UNITS);
        }
        BigDecimal decimal = new BigDecimal(amount);
        if (decimal.abs().compareTo(BigDecimal.valueOf(MAX_MAJOR_UNITS)) > 0) {
            throw new DomainException("amount_too_large", "amount", "amount is above " + MAX_MAJOR_UNITS);
        }
        return new Money(decimal.movePointRight(digits).longValueExact(), currency);
    }

    private static int significantDigits(String integerDigits) {
        int leadingZeros = 0;
        while (leadingZeros < integerDigits.length() - 1 && integerDigits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        return integerDigits.length() - leadingZeros;
    }

    public static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new DomainException("invalid_currency", "currency",
                    "currency must be an ISO 4217 code in capitals, such as USD");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new DomainException("invalid_currency", "currency", code + " is not an ISO 4217 currency");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            // XAU, XXX and the like have no minor unit; refused here so parse never reports them as an amount error
            throw new DomainException("invalid_currency", "currency",
                    code + " is not a currency that payments can be made in");
        }
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    public boolean hasSameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** The amount as a plain decimal string at the currency's scale, e.g. {@code "125.50"}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toDecimalString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new DomainException("currency_mismatch", "currency",
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }
}
