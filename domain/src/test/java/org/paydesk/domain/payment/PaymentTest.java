package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Amounts.usd;
import static org.paydesk.domain.testdata.Payments.aPayment;
import static org.paydesk.domain.testdata.Payments.insufficientFunds;
import static org.paydesk.domain.testdata.Receivables.aReceivable;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.testdata.Payments;

class PaymentTest {

    private static final Instant CREATED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant SUBMITTED = CREATED.plusSeconds(1);
    private static final Instant ANSWERED = CREATED.plusSeconds(5);
    private static final Instant LATER = CREATED.plusSeconds(3600);

    private final AllocationPlan plan = aPayment().ofAmount("150.00").allocating(7, "100.00").buildPlan();

    private Payment initiated() {
        return Payment.initiate(new PaymentId(11), new CustomerId(1), Payments.card(),
                PaymentChannel.ACCOUNTS_RECEIVABLE, plan, "key-1", CREATED);
    }

    private Payment submitted() {
        Payment payment = initiated();
        payment.submit(SUBMITTED);
        return payment;
    }

    @Test
    void an_initiated_payment_is_pending_and_carries_its_plan() {
        Payment payment = initiated();

        assertEquals(PaymentStatus.PENDING, payment.status());
        assertEquals(usd("150.00"), payment.amount());
        assertEquals(List.of(new Allocation(new ReceivableId(7), "INV-7", usd("100.00"))), payment.allocations());
        assertEquals(usd("50.00"), payment.unapplied());
        assertEquals("key-1", payment.requestKey());
        assertEquals(CREATED, payment.createdAt());
        assertEquals(CREATED, payment.updatedAt());
        assertEquals(0, payment.version());
        assertNull(payment.failure());
        assertNull(payment.processorReference());
    }

    @Test
    void submitting_moves_it_to_processing() {
        Payment payment = initiated();

        payment.submit(SUBMITTED);

        assertEquals(PaymentStatus.PROCESSING, payment.status());
        assertEquals(SUBMITTED, payment.updatedAt());
        assertEquals(CREATED, payment.createdAt());
    }

    @Test
    void unapplied_money_of_a_payment_that_went_through_can_be_applied_to_a_new_invoice() {
        Payment payment = submitted();
        payment.record(new PaymentOutcome.Succeeded("pi_123"), ANSWERED);
        Receivable invoice = aReceivable().withId(8).forCustomer(new CustomerId(1)).withAmount("30.00").build();

        payment.applyUnappliedTo(invoice, usd("30.00"), LATER);

        assertEquals(usd("20.00"), payment.unapplied());
        assertEquals(usd("150.00"), payment.amount());
        assertEquals(2, payment.allocations().size());
        assertEquals(usd("0.00"), invoice.openBalance());
        assertRefused("allocation_exceeds_unapplied", "amount", () -> payment.applyUnappliedTo(
                aReceivable().withId(9).forCustomer(new CustomerId(1)).withAmount("30.00").build(), usd("30.00"),
                LATER));
    }

    @Test
    void money_not_yet_taken_cannot_be_applied_after_the_fact() {
        Payment payment = submitted();
        payment.record(new PaymentOutcome.Declined("pi_1", insufficientFunds()), ANSWERED);
        Receivable invoice = aReceivable().withId(8).forCustomer(new CustomerId(1)).withAmount("30.00").build();

        assertRefused("illegal_payment_transition", "status",
                () -> payment.applyUnappliedTo(invoice, usd("30.00"), LATER));
        assertEquals(usd("30.00"), invoice.openBalance());
    }

    @Test
    void a_success_settles_it_and_keeps_the_invoices_applied() {
        Payment payment = submitted();

        boolean release = payment.record(new PaymentOutcome.Succeeded("pi_123"), ANSWERED);

        assertFalse(release);
        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
        assertEquals("pi_123", payment.processorReference());
        assertEquals(ANSWERED, payment.updatedAt());
        assertNull(payment.failure());
    }

    @Test
    void a_decline_fails_it_keeps_the_reason_and_asks_to_release_the_invoices() {
        Payment payment = submitted();

        boolean release = payment.record(new PaymentOutcome.Declined("pi_123", insufficientFunds()), ANSWERED);

        assertTrue(release);
        assertEquals(PaymentStatus.FAILED, payment.status());
        assertEquals(insufficientFunds(), payment.failure());
        assertEquals("insufficient_funds", payment.failure().declineCode());
        assertEquals("pi_123", payment.processorReference());
    }

    @Test
    void a_decline_without_a_processor_reference_keeps_none() {
        Payment payment = submitted();

        payment.record(new PaymentOutcome.Declined(null, insufficientFunds()), ANSWERED);

        assertNull(payment.processorReference());
        assertEquals(PaymentStatus.FAILED, payment.status());
    }

    @Test
    void a_lost_answer_leaves_it_unknown_without_releasing_anything() {
        Payment payment = submitted();

        boolean release = payment.record(new PaymentOutcome.Unknown("read timed out"), ANSWERED);

        assertFalse(release);
        assertEquals(PaymentStatus.UNKNOWN, payment.status());
        assertNull(payment.processorReference());
        assertEquals(ANSWERED, payment.updatedAt());
    }

    @Test
    void an_unknown_payment_is_settled_by_the_answer_found_later() {
        Payment succeeded = submitted();
        succeeded.record(new PaymentOutcome.Unknown("timeout"), ANSWERED);
        Payment declined = submitted();
        declined.record(new PaymentOutcome.Unknown("timeout"), ANSWERED);

        assertFalse(succeeded.record(new PaymentOutcome.Succeeded("pi_9"), LATER));
        assertTrue(declined.record(new PaymentOutcome.Declined("pi_9", insufficientFunds()), LATER));

        assertEquals(PaymentStatus.SUCCEEDED, succeeded.status());
        assertEquals(PaymentStatus.FAILED, declined.status());
        assertEquals(LATER, succeeded.updatedAt());
    }

    @Test
    void an_ach_debit_stays_processing_until_it_settles() {
        Payment payment = submitted();

        boolean release = payment.record(new PaymentOutcome.Processing("pi_ach"), ANSWERED);

        assertFalse(release);
        assertEquals(PaymentStatus.PROCESSING, payment.status());
        assertEquals("pi_ach", payment.processorReference());
        assertEquals(ANSWERED, payment.updatedAt());

        payment.record(new PaymentOutcome.Succeeded("pi_ach"), LATER);
        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
    }

    @Test
    void an_unknown_payment_found_still_processing_goes_back_to_processing() {
        Payment payment = submitted();
        payment.record(new PaymentOutcome.Unknown("timeout"), ANSWERED);

        payment.record(new PaymentOutcome.Processing("pi_ach"), LATER);

        assertEquals(PaymentStatus.PROCESSING, payment.status());
    }

    @Test
    void a_late_decline_after_success_is_refused_and_changes_nothing() {
        Payment payment = submitted();
        payment.record(new PaymentOutcome.Succeeded("pi_123"), ANSWERED);

        DomainException refused = assertRefused("illegal_payment_transition", "status",
                () -> payment.record(new PaymentOutcome.Declined("pi_other", insufficientFunds()), LATER));

        assertTrue(refused.getMessage().contains("SUCCEEDED") && refused.getMessage().contains("FAILED"),
                refused.getMessage());
        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
        assertNull(payment.failure());
        assertEquals("pi_123", payment.processorReference());
        assertEquals(ANSWERED, payment.updatedAt());
    }

    @Test
    void a_failed_payment_cannot_succeed_later() {
        Payment payment = submitted();
        payment.record(new PaymentOutcome.Declined("pi_123", insufficientFunds()), ANSWERED);

        assertRefused("illegal_payment_transition", "status",
                () -> payment.record(new PaymentOutcome.Succeeded("pi_123"), LATER));

        assertEquals(PaymentStatus.FAILED, payment.status());
        assertEquals(insufficientFunds(), payment.failure());
    }

    @Test
    void cannot_be_submitted_twice() {
        Payment payment = submitted();

        assertRefused("illegal_payment_transition", "status", () -> payment.submit(LATER));
        assertEquals(SUBMITTED, payment.updatedAt());
    }

    @Test
    void cannot_succeed_before_it_was_submitted() {
        Payment payment = initiated();

        assertRefused("illegal_payment_transition", "status",
                () -> payment.record(new PaymentOutcome.Succeeded("pi_123"), ANSWERED));
        assertEquals(PaymentStatus.PENDING, payment.status());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PaymentStatus.class, names = {"SUCCEEDED", "FAILED", "REFUNDED", "PARTIALLY_REFUNDED",
        "RETURNED", "DISPUTED"})
    void a_settled_payment_refuses_a_processing_answer(PaymentStatus settled) {
        Payment payment = aPayment().inStatus(settled).withProcessorReference("pi_1").build();

        assertRefused("illegal_payment_transition", "status",
                () -> payment.record(new PaymentOutcome.Processing("pi_2"), LATER));
        assertEquals(settled, payment.status());
        assertEquals("pi_1", payment.processorReference());
    }

    @Test
    void requires_an_outcome() {
        Payment payment = submitted();

        assertThrows(NullPointerException.class, () -> payment.record(null, ANSWERED));
        assertEquals(PaymentStatus.PROCESSING, payment.status());
    }

    @Test
    void a_stored_payment_comes_back_as_it_was() {
        Payment payment = aPayment().withId(4).failedWith(insufficientFunds()).withProcessorReference("pi_4")
                .withVersion(3).updatedAt(LATER).build();

        assertEquals(new PaymentId(4), payment.id());
        assertEquals(PaymentStatus.FAILED, payment.status());
        assertEquals(insufficientFunds(), payment.failure());
        assertEquals("pi_4", payment.processorReference());
        assertEquals(3, payment.version());
        assertEquals(LATER, payment.updatedAt());
        assertEquals(Payments.DEFAULT_TIME, payment.createdAt());
    }

    @Test
    void outcomes_and_failures_require_their_facts() {
        assertThrows(NullPointerException.class, () -> new PaymentOutcome.Succeeded(null));
        assertThrows(NullPointerException.class, () -> new PaymentOutcome.Processing(null));
        assertThrows(NullPointerException.class, () -> new PaymentOutcome.Declined("pi_1", null));
        assertThrows(NullPointerException.class, () -> new PaymentFailure(null, null, "declined"));
        assertThrows(NullPointerException.class, () -> new PaymentFailure("card_declined", null, null));
        assertNull(new PaymentOutcome.Unknown("timeout").processorReference());
    }

    @Test
    void only_ach_settles_asynchronously() {
        for (PaymentMethodType type : PaymentMethodType.values()) {
            assertEquals(type == PaymentMethodType.ACH, type.settlesAsynchronously(), type.name());
        }
    }

    @Test
    void payment_ids_are_positive() {
        assertThrows(IllegalArgumentException.class, () -> new PaymentId(0));
        assertEquals("11", new PaymentId(11).toString());
    }
}
