package org.paydesk.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Money over random amounts in currencies with 2 (USD), 0 (JPY) and 3 (BHD) fraction digits.
 *
 * <p>Each property runs 1,000 examples (QuickTheories' default, overridable with {@code -DQT_EXAMPLES=n}); a failure
 * is shrunk and reported with its seed, which {@code -DQT_SEED=seed} replays.
 */
class MoneyInvariantsTest {

    private static final long MAX_MAJOR_UNITS = 999_999_999_999L;

    /** A decimal text as a client would send it: a sign, integer digits, and some fraction digits. */
    record DecimalText(String currency, String text) {
    }

    private static Gen<String> currencies() {
        return Generate.pick(List.of("USD", "JPY", "BHD"));
    }

    /** Any amount a payment may carry, up to the parse limit, in minor units; the limits and zero come up often. */
    private static Gen<Money> amounts() {
        return currencies().flatMap(code -> {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            long limit = BigDecimal.valueOf(MAX_MAJOR_UNITS).movePointRight(digits).longValueExact();
            Gen<Long> edges = Generate.pick(List.of(0L, 1L, -1L, limit, -limit, limit - 1, -limit + 1));
            Gen<Long> minor = Generate.frequency(List.of(
                    Pair.of(9, longs().between(-limit, limit)),
                    Pair.of(1, edges)));
            return minor.map(units -> Money.ofMinor(units, code));
        });
    }

    /** Strings of 'min' to 'max' decimal digits, leading zeros included; all zeros and all nines come up often. */
    private static Gen<String> digitStrings(int min, int max) {
        Gen<String> any = lists().of(digit()).ofSizeBetween(min, max)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
        Gen<String> edges = Generate.range(min, max).zip(Generate.pick(List.of("0", "9")),
                (length, digit) -> digit.repeat(length));
        return Generate.frequency(List.of(Pair.of(9, any), Pair.of(1, edges)));
    }

    /**
     * Texts of any value a payment may carry: up to 12 integer digits and as many fraction digits as the currency
     * has, but never above the limit (999999999999.5 is refused as too large, a different rule).
     */
    private static Gen<DecimalText> decimalTexts() {
        Gen<DecimalText> texts = currencies().flatMap(code -> {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            Gen<String> integer = digitStrings(1, 12);
            Gen<String> fraction = digitStrings(0, digits);
            Gen<Boolean> negative = Generate.booleans();
            return negative.zip(integer, fraction, (minus, whole, part) -> new DecimalText(code,
                    (minus ? "-" : "") + whole + (part.isEmpty() ? "" : "." + part)));
        });
        return texts.assuming(
                decimal -> new BigDecimal(decimal.text()).abs().compareTo(BigDecimal.valueOf(MAX_MAJOR_UNITS)) <= 0);
    }

    private static Gen<Character> digit() {
        return Generate.characters('0', '9');
    }

    @Test
    void the_decimal_string_parses_back_to_the_same_money() {
        qt().forAll(amounts()).checkAssert(money -> {
            String text = money.toDecimalString();

            assertEquals(money, Money.parse(text, money.currency().getCurrencyCode()));
        });
    }

    @Test
    void the_decimal_string_always_shows_every_fraction_digit_of_the_currency() {
        qt().forAll(amounts()).checkAssert(money -> {
            String text = money.toDecimalString();
            int digits = money.currency().getDefaultFractionDigits();

            int point = text.indexOf('.');
            assertEquals(digits, point < 0 ? 0 : text.length() - point - 1, text);
            assertTrue(text.matches("-?\\d+(\\.\\d+)?"), text);
        });
    }

    @Test
    void parsing_keeps_the_exact_value_written() {
        qt().forAll(decimalTexts()).checkAssert(decimal -> {
            Money money = Money.parse(decimal.text(), decimal.currency());

            assertEquals(0, new BigDecimal(decimal.text()).compareTo(new BigDecimal(money.toDecimalString())),
                    () -> decimal + " became " + money);
            assertEquals(money, Money.parse(money.toDecimalString(), decimal.currency()));
        });
    }

    @Test
    void one_more_fraction_digit_than_the_currency_has_is_refused() {
        qt().forAll(decimalTexts(), digit()).checkAssert((decimal, extra) -> {
            int digits = Currency.getInstance(decimal.currency()).getDefaultFractionDigits();
            String text = decimal.text();
            int point = text.indexOf('.');
            String padded = (point < 0 ? text + "." : text) + "0".repeat(digits - (point < 0 ? 0 : text.length()
                    - point - 1)) + extra;

            DomainException refused = assertThrows(DomainException.class,
                    () -> Money.parse(padded, decimal.currency()));

            assertEquals("too_many_fraction_digits", refused.code(), padded);
        });
    }

    @Test
    void adding_then_subtracting_gives_back_the_first_amount() {
        qt().forAll(amounts(), amounts()).checkAssert((a, b) -> {
            Money sameCurrency = Money.ofMinor(b.minorUnits(), a.currency());

            assertEquals(a, a.plus(sameCurrency).minus(sameCurrency));
            assertEquals(a.plus(sameCurrency), sameCurrency.plus(a));
            assertEquals(Long.signum(Long.compare(a.minorUnits(), sameCurrency.minorUnits())),
                    Long.signum(a.compareTo(sameCurrency)));
            assertTrue(a.plus(a.negate()).isZero());
            assertEquals(a, a.negate().negate());
        });
    }

    @Test
    void the_smaller_of_two_amounts_is_never_greater_than_either() {
        qt().forAll(amounts(), amounts()).checkAssert((a, b) -> {
            Money sameCurrency = Money.ofMinor(b.minorUnits(), a.currency());
            Money min = a.min(sameCurrency);

            assertTrue(!min.isGreaterThan(a) && !min.isGreaterThan(sameCurrency));
            assertTrue(min.equals(a) || min.equals(sameCurrency));
        });
    }
}
