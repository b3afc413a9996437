package org.paydesk.adapters.processor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/** Sandbox refunds beyond the contract: ACH refunds settle later, only its own charges, what is logged. */
class SandboxRefundTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void an_ach_refund_is_pending_until_the_settlement_delay_has_passed() {
        PaymentOutcome processing = sandbox.chargeAch("pm_usBankAccount_success");
        sandbox.scheduler.runAll();
        String reference = processing.processorReference();

        RefundOutcome refund = sandbox.processor.refund(new RefundRequest(reference, Money.parse("25.00", "USD"),
                "refund-ach-1"));

        RefundOutcome.Pending pending = assertInstanceOf(RefundOutcome.Pending.class, refund);
        assertTrue(pending.processorRefundId().startsWith("re_sbx_"), pending.processorRefundId());
        assertEquals(pending, sandbox.processor.refundStatus(pending.processorRefundId()));
        sandbox.scheduler.runAll();
        assertEquals(new RefundOutcome.Succeeded(pending.processorRefundId()),
                sandbox.processor.refundStatus(pending.processorRefundId()));
    }

    @Test
    void a_debit_still_processing_cannot_be_refunded() {
        PaymentOutcome processing = sandbox.chargeAch("pm_usBankAccount_success");

        RefundOutcome refused = sandbox.processor.refund(new RefundRequest(processing.processorReference(),
                Money.parse("1.00", "USD"), "refund-ach-2"));

        assertEquals("payment_intent_unexpected_state", assertInstanceOf(RefundOutcome.Failed.class, refused).code());
    }

    @Test
    void a_charge_the_sandbox_never_made_and_another_currency_are_refused() {
        String charge = sandbox.chargeCard("pm_card_visa").processorReference();

        RefundOutcome unknown = sandbox.processor.refund(new RefundRequest("pi_sbx_nosuchcharge",
                Money.parse("1.00", "USD"), "refund-x-1"));
        RefundOutcome euros = sandbox.processor.refund(new RefundRequest(charge, Money.parse("1.00", "EUR"),
                "refund-x-2"));

        assertEquals("resource_missing", assertInstanceOf(RefundOutcome.Failed.class, unknown).code());
        assertEquals("currency_mismatch", assertInstanceOf(RefundOutcome.Failed.class, euros).code());
    }

    @Test
    void a_refused_refund_is_not_kept_so_its_key_may_be_used_again() {
        String charge = sandbox.chargeCard("pm_card_visa").processorReference();

        RefundOutcome tooMuch = sandbox.processor.refund(new RefundRequest(charge, Money.parse("25.01", "USD"), "k-1"));
        RefundOutcome fits = sandbox.processor.refund(new RefundRequest(charge, Money.parse("25.00", "USD"), "k-1"));

        assertInstanceOf(RefundOutcome.Failed.class, tooMuch);
        assertInstanceOf(RefundOutcome.Succeeded.class, fits);
    }

    @Test
    void the_same_refund_key_with_another_request_throws_the_idempotency_error() {
        String charge = sandbox.chargeCard("pm_card_visa").processorReference();
        sandbox.processor.refund(new RefundRequest(charge, Money.parse("5.00", "USD"), "k-2"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sandbox.processor.refund(
                new RefundRequest(charge, Money.parse("6.00", "USD"), "k-2")));

        assertTrue(refused.getMessage().startsWith("idempotency_error"), refused.getMessage());
    }

    @Test
    void each_refund_logs_one_line_with_charge_amount_and_outcome() {
        String charge = sandbox.processor.charge(Sandbox.request(Sandbox.newKey(), 77, "10.00",
                PaymentMethodType.CARD, "pm_card_visa")).processorReference();
        try (LogCapture log = new LogCapture()) {
            RefundOutcome refund = sandbox.processor.refund(new RefundRequest(charge, Money.parse("4.00", "USD"),
                    "k-3"));

            assertEquals(1, log.linesContaining("sandbox refund: charge " + charge + ", USD 4.00, succeeded "
                    + refund.processorRefundId()).size(), () -> log.lines().toString());
        }
    }
}
