package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paydesk.domain.testdata.Amounts.eur;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.aPayment;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Refunds, ACH returns and disputes of a payment that went through. */
class PaymentRefundTest {

    private static final Instant MADE = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant LATER = MADE.plus(Duration.ofDays(1));

    private static Payment succeededCard() {
        return aPayment().byCard().ofAmount("100.00").inStatus(PaymentStatus.SUCCEEDED).createdAt(MADE)
                .withProcessorReference("pi_1").build();
    }

    @Test
    void a_partial_refund_leaves_the_rest_refundable() {
        Payment payment = succeededCard();

        payment.startRefund(usd("30.00"), LATER);

        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.status());
        assertEquals(usd("30.00"), payment.refunded());
        assertEquals(usd("70.00"), payment.refundable());
        assertEquals(usd("70.00"), payment.unwindable());
    }

    @Test
    void refunding_what_is_left_makes_it_refunded() {
        Payment payment = succeededCard();
        payment.startRefund(usd("30.00"), LATER);

        payment.startRefund(usd("70.00"), LATER);

        assertEquals(PaymentStatus.REFUNDED, payment.status());
        assertEquals(usd("0.00"), payment.refundable());
    }

    @Test
    void never_more_than_is_left() {
        Payment payment = succeededCard();
        payment.startRefund(usd("60.00"), LATER);

        assertRefused("refund_exceeds_refundable", "amount", () -> payment.startRefund(usd("40.01"), LATER));
        assertEquals(usd("60.00"), payment.refunded());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.status());
    }

    @Test
    void a_card_payment_is_refundable_for_90_days_and_ach_for_180() {
        Payment card = succeededCard();
        Payment ach = aPayment().byAch().ofAmount("100.00").inStatus(PaymentStatus.SUCCEEDED).createdAt(MADE).build();

        card.startRefund(usd("1.00"), MADE.plus(Duration.ofDays(90)));
        assertRefused("refund_window_closed", "paymentId",
                () -> card.startRefund(usd("1.00"), MADE.plus(Duration.ofDays(90)).plusSeconds(1)));
        ach.startRefund(usd("1.00"), MADE.plus(Duration.ofDays(180)));
        assertRefused("refund_window_closed", "paymentId",
                () -> ach.startRefund(usd("1.00"), MADE.plus(Duration.ofDays(180)).plusSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PaymentStatus.class, names = {"PENDING", "PROCESSING", "UNKNOWN", "FAILED", "RETURNED",
            "DISPUTED", "REFUNDED"})
    void only_a_payment_that_went_through_can_be_refunded(PaymentStatus status) {
        Payment payment = aPayment().inStatus(status).createdAt(MADE).build();

        assertRefused("payment_not_refundable", "paymentId", () -> payment.startRefund(usd("1.00"), LATER));
        assertEquals(usd("0.00"), payment.refunded());
    }

    @Test
    void refuses_nothing_and_other_currencies() {
        Payment payment = succeededCard();

        assertRefused("invalid_amount", "amount", () -> payment.startRefund(usd("0.00"), LATER));
        assertRefused("currency_mismatch", "currency", () -> payment.startRefund(eur("1.00"), LATER));
    }

    @Test
    void a_refund_refused_later_gives_the_payment_its_money_back() {
        Payment payment = succeededCard();
        payment.startRefund(usd("30.00"), LATER);
        payment.startRefund(usd("70.00"), LATER);

        payment.refundFailed(usd("70.00"), LATER);
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.status());
        payment.refundFailed(usd("30.00"), LATER);
        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
        assertEquals(usd("0.00"), payment.refunded());
        assertThrows(IllegalStateException.class, () -> payment.refundFailed(usd("0.01"), LATER));
    }

    @Test
    void an_ach_debit_that_went_through_can_be_returned_with_its_reason() {
        Payment payment = aPayment().byAch().inStatus(PaymentStatus.SUCCEEDED).createdAt(MADE).build();
        PaymentFailure reason = new PaymentFailure("account_closed", null, "The account is closed.");

        payment.markReturned(reason, LATER);

        assertEquals(PaymentStatus.RETURNED, payment.status());
        assertEquals(reason, payment.failure());
        assertEquals(usd("0.00"), payment.refundable());
        assertRefused("payment_not_refundable", "paymentId", () -> payment.startRefund(usd("1.00"), LATER));
    }

    @Test
    void only_ach_is_returned_and_only_after_it_went_through() {
        PaymentFailure reason = new PaymentFailure("account_closed", null, "closed");

        assertRefused("illegal_payment_transition", "status", () -> succeededCard().markReturned(reason, LATER));
        Payment processing = aPayment().byAch().inStatus(PaymentStatus.PROCESSING).build();
        assertRefused("illegal_payment_transition", "status", () -> processing.markReturned(reason, LATER));
        assertEquals(PaymentStatus.PROCESSING, processing.status());
    }

    @Test
    void a_disputed_payment_cannot_be_refunded_and_a_failed_one_cannot_be_disputed() {
        Payment payment = succeededCard();
        payment.dispute(LATER);

        assertEquals(PaymentStatus.DISPUTED, payment.status());
        assertRefused("payment_not_refundable", "paymentId", () -> payment.startRefund(usd("1.00"), LATER));
        Payment failed = aPayment().inStatus(PaymentStatus.FAILED).build();
        assertRefused("illegal_payment_transition", "status", () -> failed.dispute(LATER));
    }

    @Test
    void a_stored_payment_keeps_what_was_refunded() {
        Payment stored = Payment.restore(new PaymentId(5), succeededCard().customerId(), card(),
                PaymentChannel.ACCOUNTS_RECEIVABLE, succeededCard().plan(), null, PaymentStatus.PARTIALLY_REFUNDED,
                "pi_1", null, usd("12.34"), MADE, LATER, 3);

        assertEquals(usd("12.34"), stored.refunded());
        assertEquals(usd("87.66"), stored.refundable());
    }
}
