package org.paydesk.domain.shared;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Nested
    class Parsing {

        @ParameterizedTest(name = "{0} {1} is {2} minor units")
        @CsvSource({
            "125.50, USD, 12550",
            "125.5, USD, 12550",
            "125, USD, 12500",
            "0.01, USD, 1",
            "0, USD, 0",
            "007.50, USD, 750",
            "1000, JPY, 1000",
            "1.234, BHD, 1234",
            "1.2, BHD, 1200",
            "999999999999, USD, 99999999999900",
            "999999999999, JPY, 999999999999",
            "-10.25, USD, -1025",
            "-0.00, USD, 0",
        })
        void reads_a_decimal_string_in_the_currencys_minor_units(String amount, String currency, long minorUnits) {
            Money money = Money.parse(amount, currency);

            assertEquals(minorUnits, money.minorUnits());
            assertEquals(Currency.getInstance(currency), money.currency());
        }

        @Test
        void accepts_negative_amounts_so_reversals_can_be_written() {
            Money money = Money.parse("-125.50", "USD");

            assertTrue(money.isNegative());
            assertEquals(usd("125.50"), money.negate());
        }

        @Test
        void leading_zeros_do_not_count_towards_the_size_limit() {
            assertEquals(100, Money.parse("0000000000000000001.00", "USD").minorUnits());
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({
            "10.001, USD",
            "10.000, USD",
            "10.5, JPY",
            "10.0, JPY",
            "1.2345, BHD",
            "0.0000000000000000000001, USD",
            "99999999999999999999.999, USD",
        })
        void refuses_more_fraction_digits_than_the_currency_has(String amount, String currency) {
            DomainException refused = assertRefused("too_many_fraction_digits", "amount",
                    () -> Money.parse(amount, currency));

            assertTrue(refused.getMessage().contains(currency), refused.getMessage());
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"abc", "1e5", "1E5", " 1.00", "1.00 ", "1,000.00", "+5", ".5", "5.", "1.2.3", "--1",
            "-", "0x10", "NaN", "Infinity", "\u0661\u0662", "\uff11\uff12", "12 50", "$12.50"})
        void refuses_text_that_is_not_a_plain_decimal_number(String amount) {
            assertRefused("invalid_amount", "amount", () -> Money.parse(amount, "USD"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1000000000000", "-1000000000000", "1000000000000.00", "999999999999.001",
            "-999999999999.001",
            "1234567890123456789", "99999999999999999999", "1000000000000000000000000000000000000000.00"})
        void refuses_amounts_above_the_limit_whatever_their_length(String amount) {
            assertRefused("amount_too_large", "amount", () -> Money.parse(amount, "BHD"));
        }

        @Test
        void refuses_a_huge_usd_amount_as_too_large_rather_than_malformed() {
            assertRefused("amount_too_large", "amount", () -> Money.parse("12345678901234567890.12", "USD"));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"XYZ", "usd", "US", "USDD", " USD", "12$"})
        void refuses_what_is_not_an_iso_currency_code(String currency) {
            assertRefused("invalid_currency", "currency", () -> Money.parse("10.00", currency));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"XAU", "XXX", "XDR"})
        void refuses_currencies_that_have_no_minor_unit(String currency) {
            assertRefused("invalid_currency", "currency", () -> Money.parse("10", currency));
        }

        @Test
        void reports_the_currency_before_the_amount_when_both_are_wrong() {
            assertRefused("invalid_currency", "currency", () -> Money.parse("abc", "XYZ"));
        }
    }

    @Nested
    class Construction {

        @Test
        void builds_from_minor_units_and_a_currency_code() {
            assertEquals(new Money(12550, USD), Money.ofMinor(12550, "USD"));
            assertEquals(new Money(12550, USD), Money.ofMinor(12550, USD));
        }

        @Test
        void zero_is_zero_in_the_given_currency() {
            Money zero = Money.zero(USD);

            assertTrue(zero.isZero());
            assertFalse(zero.isPositive());
            assertFalse(zero.isNegative());
            assertEquals(USD, zero.currency());
        }

        @Test
        void refuses_a_currency_without_minor_units_even_from_minor_units() {
            assertRefused("invalid_currency", "currency", () -> Money.ofMinor(1, Currency.getInstance("XAU")));
        }

        @Test
        void requires_a_currency() {
            assertThrows(NullPointerException.class, () -> Money.ofMinor(1, (Currency) null));
        }

        @Test
        void equal_amounts_written_differently_are_equal() {
            assertEquals(Money.parse("1.5", "USD"), Money.parse("1.50", "USD"));
            assertEquals(Money.parse("1.5", "USD").hashCode(), Money.parse("1.50", "USD").hashCode());
        }

        @Test
        void the_same_minor_units_in_another_currency_are_not_equal() {
            assertNotEquals(Money.ofMinor(100, "USD"), Money.ofMinor(100, "EUR"));
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void adds_and_subtracts_exactly() {
            assertEquals(usd("0.30"), usd("0.10").plus(usd("0.20")));
            assertEquals(usd("-0.10"), usd("0.10").minus(usd("0.20")));
            assertEquals(usd("125.50"), usd("100.00").plus(usd("25.50")));
        }

        @Test
        void negates() {
            assertEquals(usd("-12.34"), usd("12.34").negate());
            assertEquals(usd("0"), usd("0").negate());
        }

        @Test
        void overflow_is_an_error_not_a_wrap_around() {
            Money max = Money.ofMinor(Long.MAX_VALUE, USD);
            Money min = Money.ofMinor(Long.MIN_VALUE, USD);

            assertAll(
                    () -> assertThrows(ArithmeticException.class, () -> max.plus(usd("0.01"))),
                    () -> assertThrows(ArithmeticException.class, () -> min.minus(usd("0.01"))),
                    () -> assertThrows(ArithmeticException.class, min::negate));
        }

        @Test
        void min_returns_the_smaller_amount() {
            Money small = usd("10.00");
            Money large = usd("20.00");

            assertSame(small, small.min(large));
            assertSame(small, large.min(small));
            assertSame(small, small.min(usd("10.00")));
        }

        @Test
        void compares_by_amount_within_a_currency() {
            assertTrue(usd("10.01").isGreaterThan(usd("10.00")));
            assertFalse(usd("10.00").isGreaterThan(usd("10.00")));
            assertTrue(usd("-1.00").isLessThan(usd("0")));
            assertFalse(usd("10.00").isLessThan(usd("10.00")));
            assertEquals(0, usd("10").compareTo(usd("10.00")));
            assertTrue(usd("9.99").compareTo(usd("10.00")) < 0);
        }

        @Test
        void tells_the_sign() {
            assertTrue(usd("0.01").isPositive());
            assertTrue(usd("-0.01").isNegative());
            assertFalse(usd("-0.01").isPositive());
            assertTrue(usd("0.00").isZero());
        }

        @Test
        void knows_whether_another_amount_is_in_the_same_currency() {
            assertTrue(usd("1").hasSameCurrencyAs(usd("2")));
            assertFalse(usd("1").hasSameCurrencyAs(eur("1")));
        }
    }

    @Nested
    class CurrencyMismatch {

        @ParameterizedTest(name = "{index}")
        @ValueSource(ints = {0, 1, 2, 3, 4, 5})
        void refuses_to_combine_currencies_and_names_both(int operation) {
            Money dollars = usd("10.00");
            Money euros = eur("10.00");
            Executable[] operations = {
                () -> dollars.plus(euros),
                () -> dollars.minus(euros),
                () -> dollars.compareTo(euros),
                () -> dollars.min(euros),
                () -> dollars.isGreaterThan(euros),
                () -> dollars.isLessThan(euros),
            };

            DomainException refused = assertRefused("currency_mismatch", "currency", operations[operation]);

            assertTrue(refused.getMessage().contains("USD"), refused.getMessage());
            assertTrue(refused.getMessage().contains("EUR"), refused.getMessage());
        }
    }

    @Nested
    class Formatting {

        @ParameterizedTest(name = "{0} {1} is \"{2}\"")
        @CsvSource({
            "12550, USD, 125.50",
            "5, USD, 0.05",
            "-5, USD, -0.05",
            "0, USD, 0.00",
            "100, USD, 1.00",
            "1000, JPY, 1000",
            "-1000, JPY, -1000",
            "1, BHD, 0.001",
            "1234567, BHD, 1234.567",
            "99999999999999, USD, 999999999999.99",
        })
        void writes_the_amount_at_the_currencys_scale(long minorUnits, String currency, String expected) {
            assertEquals(expected, Money.ofMinor(minorUnits, currency).toDecimalString());
        }

        @Test
        void never_uses_scientific_notation() {
            assertEquals("100000000000.00", usd("100000000000").toDecimalString());
        }

        @Test
        void shows_the_currency_code_then_the_amount() {
            assertEquals("USD 125.50", usd("125.50").toString());
            assertEquals("JPY 500", Money.parse("500", "JPY").toString());
        }
    }
}
