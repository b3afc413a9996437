package org.paydesk.adapters.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/**
 * What every {@link RefundProcessor} must do, as Stripe does: refund a succeeded card charge in full or in parts,
 * never more than the charge minus its earlier refunds, at most once per idempotency key, refusing the key with another
 * request, and answer a refund's state later. Run it by extending it and supplying the processor that made the charge
 * and the refunds of the same processor.
 */
public abstract class RefundProcessorContract {

    /** The processor that makes the charges to refund. */
    protected abstract PaymentProcessor processor();

    /** The refunds under test, of the same processor. */
    protected abstract RefundProcessor refunds();

    @Test
    public void a_charge_is_refunded_in_full_and_the_refund_is_found_again() {
        String charge = aSucceededCharge("42.00");

        RefundOutcome outcome = refunds().refund(aRefund(charge, "42.00"));

        RefundOutcome.Succeeded succeeded = assertInstanceOf(RefundOutcome.Succeeded.class, outcome);
        assertFalse(succeeded.processorRefundId().isBlank());
        assertEquals(outcome, refunds().refundStatus(succeeded.processorRefundId()));
    }

    @Test
    public void partial_refunds_add_up_to_the_charge_and_no_further() {
        String charge = aSucceededCharge("42.00");

        RefundOutcome first = refunds().refund(aRefund(charge, "10.00"));
        RefundOutcome second = refunds().refund(aRefund(charge, "32.00"));
        RefundOutcome third = refunds().refund(aRefund(charge, "0.01"));

        assertInstanceOf(RefundOutcome.Succeeded.class, first);
        assertInstanceOf(RefundOutcome.Succeeded.class, second);
        assertNotEquals(first.processorRefundId(), second.processorRefundId());
        RefundOutcome.Failed refused = assertInstanceOf(RefundOutcome.Failed.class, third);
        assertEquals("charge_already_refunded", refused.code());
        assertNull(refused.processorRefundId(), "no refund was created");
    }

    @Test
    public void more_than_is_left_is_refused_and_refunds_nothing() {
        String charge = aSucceededCharge("42.00");
        refunds().refund(aRefund(charge, "40.00"));

        RefundOutcome tooMuch = refunds().refund(aRefund(charge, "2.01"));
        RefundOutcome rest = refunds().refund(aRefund(charge, "2.00"));

        RefundOutcome.Failed refused = assertInstanceOf(RefundOutcome.Failed.class, tooMuch);
        assertEquals("amount_too_large", refused.code());
        assertFalse(refused.message().isBlank());
        assertNull(refused.processorRefundId());
        assertInstanceOf(RefundOutcome.Succeeded.class, rest, "the refused request took nothing away");
    }

    @Test
    public void more_than_the_charge_at_once_is_refused() {
        String charge = aSucceededCharge("42.00");

        RefundOutcome refused = refunds().refund(aRefund(charge, "42.01"));

        assertEquals("amount_too_large", assertInstanceOf(RefundOutcome.Failed.class, refused).code());
    }

    @Test
    public void the_same_key_again_answers_as_before_and_refunds_once() {
        String charge = aSucceededCharge("42.00");
        RefundRequest request = aRefund(charge, "30.00");

        RefundOutcome first = refunds().refund(request);
        RefundOutcome again = refunds().refund(request);
        RefundOutcome rest = refunds().refund(aRefund(charge, "12.00"));

        assertInstanceOf(RefundOutcome.Succeeded.class, first);
        assertEquals(first, again);
        assertInstanceOf(RefundOutcome.Succeeded.class, rest, "30.00 was refunded once, so 12.00 is left");
        assertInstanceOf(RefundOutcome.Failed.class, refunds().refund(aRefund(charge, "0.01")));
    }

    @Test
    public void the_same_key_with_another_amount_is_refused_and_refunds_nothing_more() {
        String charge = aSucceededCharge("42.00");
        RefundRequest first = aRefund(charge, "10.00");
        refunds().refund(first);

        assertThrows(RuntimeException.class, () -> refunds().refund(
                new RefundRequest(charge, Money.parse("11.00", "USD"), first.idempotencyKey())));

        assertInstanceOf(RefundOutcome.Succeeded.class, refunds().refund(aRefund(charge, "32.00")));
    }

    @Test
    public void a_declined_charge_cannot_be_refunded() {
        PaymentOutcome declined = processor().charge(new ChargeRequest("contract-" + UUID.randomUUID(), aPayment(),
                new CustomerId(1), Money.parse("42.00", "USD"),
                new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa_chargeDeclinedInsufficientFunds"), "refund"));
        String reference = assertInstanceOf(PaymentOutcome.Declined.class, declined).processorReference();

        RefundOutcome refused = refunds().refund(aRefund(reference, "1.00"));

        RefundOutcome.Failed failed = assertInstanceOf(RefundOutcome.Failed.class, refused);
        assertNull(failed.processorRefundId());
    }

    @Test
    public void an_unknown_refund_id_is_refused_when_asked_about() {
        assertThrows(IllegalArgumentException.class, () -> refunds().refundStatus("re_no_such_refund_anywhere"));
    }

    /** A card charge that succeeded, as the processor's reference. */
    protected String aSucceededCharge(String usd) {
        PaymentOutcome outcome = processor().charge(new ChargeRequest("contract-" + UUID.randomUUID(), aPayment(),
                new CustomerId(1), Money.parse(usd, "USD"), new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa"),
                "refund contract"));
        return assertInstanceOf(PaymentOutcome.Succeeded.class, outcome).processorReference();
    }

    protected static RefundRequest aRefund(String charge, String usd) {
        return new RefundRequest(charge, Money.parse(usd, "USD"), "refund-" + UUID.randomUUID());
    }

    private static PaymentId aPayment() {
        return new PaymentId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }
}
