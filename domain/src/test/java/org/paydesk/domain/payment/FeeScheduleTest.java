package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.jpy;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.aPayment;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FeeScheduleTest {

    private final FeeSchedule standard = FeeSchedule.standard();

    @ParameterizedTest(name = "card {0} pays {1}")
    @CsvSource({
        "100.00, 3.15",   // 290 + 25
        "10.00, 0.54",    // 29 + 25
        "10.01, 0.54",    // 29.029 -> 29, + 25
        "0.50, 0.26",     // 1.45 -> 1, + 25
        "1234.56, 36.05", // 3580.224 -> 3580, + 25
        "0.01, 0.25",     // 0.029 -> 0, + 25: more than the payment
    })
    void a_card_pays_2_9_percent_plus_25_cents(String amount, String fee) {
        assertEquals(usd(fee), standard.feeFor(PaymentMethodType.CARD, usd(amount)));
    }

    @ParameterizedTest
    @EnumSource(value = PaymentMethodType.class, names = {"APPLE_PAY", "GOOGLE_PAY"})
    void wallets_pay_the_card_rule(PaymentMethodType wallet) {
        assertEquals(usd("3.15"), standard.feeFor(wallet, usd("100.00")));
    }

    @ParameterizedTest(name = "ACH {0} pays {1}")
    @CsvSource({
        "500.00, 5.00",
        "100.00, 1.00",   // exactly the minimum
        "50.00, 1.00",    // 0.50 raised to the minimum
        "0.01, 1.00",
        "100.50, 1.01",   // 100.5 cents -> 101 (half up)
        "100.49, 1.00",   // 100.49 cents -> 100
        "12345.67, 123.46",
    })
    void ach_pays_1_percent_with_a_minimum_of_one_dollar(String amount, String fee) {
        assertEquals(usd(fee), standard.feeFor(PaymentMethodType.ACH, usd(amount)));
    }

    @Test
    void a_half_cent_rounds_up_and_less_than_half_rounds_down() {
        FeeSchedule.Rule onePercent = new FeeSchedule.Rule(BigDecimal.ONE, null, null, null);
        assertAll(
                () -> assertEquals(usd("0.02"), onePercent.feeOn(usd("1.50"))),  // 1.5 cents
                () -> assertEquals(usd("0.01"), onePercent.feeOn(usd("1.49"))),  // 1.49 cents
                () -> assertEquals(usd("0.00"), onePercent.feeOn(usd("0.49"))));
    }

    @Test
    void a_maximum_caps_the_fee_after_the_minimum_raised_it() {
        FeeSchedule.Rule stripeAch = new FeeSchedule.Rule(new BigDecimal("0.8"), null, null, new BigDecimal("5.00"));
        FeeSchedule.Rule both = new FeeSchedule.Rule(BigDecimal.ONE, null, new BigDecimal("1.00"),
                new BigDecimal("5.00"));
        assertAll(
                () -> assertEquals(usd("5.00"), stripeAch.feeOn(usd("10000.00"))),
                () -> assertEquals(usd("0.80"), stripeAch.feeOn(usd("100.00"))),
                () -> assertEquals(usd("1.00"), both.feeOn(usd("10.00"))),
                () -> assertEquals(usd("5.00"), both.feeOn(usd("600.00"))));
    }

    @Test
    void fixed_amounts_are_taken_at_the_currency_scale() {
        FeeSchedule.Rule rule = new FeeSchedule.Rule(new BigDecimal("2.9"), new BigDecimal("30"), null, null);
        // JPY has no minor unit: 10000 yen at 2.9% is 290 yen, plus 30 yen.
        assertEquals(jpy("320"), rule.feeOn(jpy("10000")));
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED",
            "RETURNED"})
    void payments_the_processor_charged_carry_the_fee_and_a_net(PaymentStatus status) {
        Payment payment = aPayment().byCard().ofAmount("100.00").inStatus(status).build();
        assertAll(
                () -> assertTrue(FeeSchedule.charges(status)),
                () -> assertEquals(usd("3.15"), standard.feeOf(payment)),
                () -> assertEquals(usd("96.85"), standard.netOf(payment)));
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"PENDING", "PROCESSING", "UNKNOWN", "FAILED"})
    void payments_not_charged_carry_no_fee_and_net_the_whole_amount(PaymentStatus status) {
        Payment payment = aPayment().byAch().ofAmount("50.00").inStatus(status).build();
        assertAll(
                () -> assertFalse(FeeSchedule.charges(status)),
                () -> assertEquals(usd("0.00"), standard.feeOf(payment)),
                () -> assertEquals(usd("50.00"), standard.netOf(payment)));
    }

    @Test
    void an_ach_payment_pays_the_ach_rule() {
        Payment payment = aPayment().byAch().ofAmount("50.00").inStatus(PaymentStatus.SUCCEEDED).build();
        assertAll(
                () -> assertEquals(usd("1.00"), standard.feeOf(payment)),
                () -> assertEquals(usd("49.00"), standard.netOf(payment)));
    }

    @Test
    void impossible_rules_are_refused() {
        assertAll(
                () -> assertRefused("invalid_fee_rule", "percent",
                        () -> new FeeSchedule.Rule(new BigDecimal("-1"), null, null, null)),
                () -> assertRefused("invalid_fee_rule", "percent",
                        () -> new FeeSchedule.Rule(new BigDecimal("100"), null, null, null)),
                () -> assertRefused("invalid_fee_rule", "fixed",
                        () -> new FeeSchedule.Rule(BigDecimal.ONE, new BigDecimal("-0.25"), null, null)),
                () -> assertRefused("invalid_fee_rule", "maximum",
                        () -> new FeeSchedule.Rule(BigDecimal.ONE, null, new BigDecimal("2"), new BigDecimal("1"))));
    }
}
