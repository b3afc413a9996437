package org.paydesk.adapters.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorCharge.State;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/**
 * What every {@link PaymentProcessor} must do, whichever processor is behind it: charge a good card at once, answer
 * a decline with the processor's codes instead of throwing, charge at most once per idempotency key and refuse the
 * key with other parameters, list a payment's charges for reconciliation, and read a charge's state now by its
 * reference (succeeded, failed with its codes, an ACH debit processing until it settles). Run it by extending it and
 * supplying the processor and a way to settle its ACH debits; the Stripe adapter extends it too.
 *
 * <p>Keys and payment ids are random per test, so the processor may be shared between tests and with earlier runs
 * (a real test-mode account, for instance).
 */
public abstract class PaymentProcessorContract {

    /** The processor under test. */
    protected abstract PaymentProcessor processor();

    /** A saved card that the processor charges without question. Stripe's test id by default. */
    protected PaymentMethod aCardThatSucceeds() {
        return new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa");
    }

    /** A saved card that the issuer declines for insufficient funds. Stripe's test id by default. */
    protected PaymentMethod aCardDeclinedForInsufficientFunds() {
        return new PaymentMethod(PaymentMethodType.CARD, "pm_card_visa_chargeDeclinedInsufficientFunds");
    }

    /** Settles the processing ACH debit with this reference now, as its test account says. */
    protected abstract void settleAch(String processorReference);

    /** A bank account whose debits are processing, then settle. Stripe's test id by default. */
    protected PaymentMethod anAchAccountThatSettles() {
        return new PaymentMethod(PaymentMethodType.ACH, "pm_usBankAccount_success");
    }

    /** A bank account whose debits are processing, then fail because the account is closed. Stripe's test id. */
    protected PaymentMethod anAchAccountThatIsClosed() {
        return new PaymentMethod(PaymentMethodType.ACH, "pm_usBankAccount_accountClosed");
    }

    /** The processor's charges for a payment; a processor whose listing lags may wait here until it catches up. */
    protected List<ProcessorCharge> chargesFor(PaymentId payment) {
        return processor().chargesFor(payment);
    }

    @Test
    public void a_good_card_is_charged_at_once_and_the_answer_names_the_charge() {
        PaymentOutcome outcome = processor().charge(aCharge(aPayment(), "42.00", aCardThatSucceeds()));

        PaymentOutcome.Succeeded succeeded = assertInstanceOf(PaymentOutcome.Succeeded.class, outcome);
        assertFalse(succeeded.processorReference().isBlank());
    }

    @Test
    public void a_decline_is_an_answer_carrying_the_processors_error_and_decline_codes() {
        PaymentOutcome outcome = processor().charge(aCharge(aPayment(), "42.00", aCardDeclinedForInsufficientFunds()));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        PaymentFailure failure = declined.failure();
        assertEquals("card_declined", failure.code());
        assertEquals("insufficient_funds", failure.declineCode());
        assertFalse(failure.message().isBlank(), "a message fit to show staff");
    }

    @Test
    public void the_same_key_with_the_same_parameters_answers_as_before_and_charges_once() {
        PaymentId payment = aPayment();
        ChargeRequest request = aCharge(payment, "42.00", aCardThatSucceeds());

        PaymentOutcome first = processor().charge(request);
        PaymentOutcome again = processor().charge(request);

        assertEquals(first, again);
        List<ProcessorCharge> charges = chargesFor(payment);
        assertEquals(1, charges.size(), () -> "one charge, not " + charges);
        assertEquals(first.processorReference(), charges.get(0).reference());
    }

    @Test
    public void the_same_key_with_another_amount_is_refused_and_charges_nothing_more() {
        PaymentId payment = aPayment();
        ChargeRequest first = aCharge(payment, "42.00", aCardThatSucceeds());
        processor().charge(first);
        ChargeRequest changed = new ChargeRequest(first.idempotencyKey(), payment, first.customerId(),
                Money.parse("43.00", "USD"), first.method(), first.description());

        // Any exception will do: the caller records the payment as UNKNOWN and the reconciler settles it.
        assertThrows(RuntimeException.class, () -> processor().charge(changed));

        List<ProcessorCharge> charges = chargesFor(payment);
        assertEquals(1, charges.size(), () -> "still one charge, not " + charges);
        assertEquals(Money.parse("42.00", "USD"), charges.get(0).amount());
    }

    @Test
    public void a_payments_charges_are_listed_with_key_amount_and_status_and_no_others() {
        PaymentId payment = aPayment();
        PaymentId another = aPayment();
        ChargeRequest declined = aCharge(payment, "42.00", aCardDeclinedForInsufficientFunds());
        ChargeRequest succeeded = aCharge(payment, "42.00", aCardThatSucceeds());
        processor().charge(declined);
        PaymentOutcome paid = processor().charge(succeeded);
        processor().charge(aCharge(another, "7.00", aCardThatSucceeds()));

        List<ProcessorCharge> charges = chargesFor(payment);

        assertEquals(2, charges.size(), () -> "two charges, not " + charges);
        assertEquals(Set.of(declined.idempotencyKey(), succeeded.idempotencyKey()),
                charges.stream().map(ProcessorCharge::idempotencyKey).collect(Collectors.toSet()));
        assertTrue(charges.stream().allMatch(c -> c.amount().equals(Money.parse("42.00", "USD"))), charges::toString);
        ProcessorCharge paidCharge = charges.stream()
                .filter(c -> c.idempotencyKey().equals(succeeded.idempotencyKey())).findFirst().orElseThrow();
        assertEquals(paid.processorReference(), paidCharge.reference());
        assertEquals("succeeded", paidCharge.status());
        assertEquals(State.SUCCEEDED, paidCharge.state());
        assertNull(paidCharge.failure());
        ProcessorCharge declinedCharge = charges.stream()
                .filter(c -> c.idempotencyKey().equals(declined.idempotencyKey())).findFirst().orElseThrow();
        assertEquals("requires_payment_method", declinedCharge.status());
        assertEquals(State.FAILED, declinedCharge.state());
        assertEquals("insufficient_funds", declinedCharge.failure().declineCode());
        assertEquals(1, chargesFor(another).size());
    }

    @Test
    public void a_succeeded_card_charge_reads_succeeded_with_its_amount_and_key() {
        ChargeRequest request = aCharge(aPayment(), "42.00", aCardThatSucceeds());
        String reference = processor().charge(request).processorReference();

        ProcessorCharge charge = processor().lookup(reference).orElseThrow();

        assertEquals(reference, charge.reference());
        assertEquals(State.SUCCEEDED, charge.state());
        assertEquals("succeeded", charge.status());
        assertEquals(Money.parse("42.00", "USD"), charge.amount());
        assertEquals(request.idempotencyKey(), charge.idempotencyKey());
        assertNull(charge.failure());
        assertFalse(charge.disputed());
    }

    @Test
    public void a_declined_charge_reads_failed_with_the_error_and_decline_codes() {
        PaymentOutcome outcome = processor().charge(aCharge(aPayment(), "42.00", aCardDeclinedForInsufficientFunds()));
        String reference = assertInstanceOf(PaymentOutcome.Declined.class, outcome).processorReference();

        ProcessorCharge charge = processor().lookup(reference).orElseThrow();

        assertEquals(State.FAILED, charge.state());
        assertEquals("card_declined", charge.failure().code());
        assertEquals("insufficient_funds", charge.failure().declineCode());
        assertFalse(charge.failure().message().isBlank());
        assertEquals(Money.parse("42.00", "USD"), charge.amount());
    }

    @Test
    public void an_ach_debit_reads_processing_until_it_settles_then_succeeded() {
        PaymentId payment = aPayment();
        PaymentOutcome outcome = processor().charge(aCharge(payment, "42.00", anAchAccountThatSettles()));
        String reference = assertInstanceOf(PaymentOutcome.Processing.class, outcome).processorReference();

        ProcessorCharge before = processor().lookup(reference).orElseThrow();
        settleAch(reference);
        ProcessorCharge after = processor().lookup(reference).orElseThrow();

        assertEquals(State.PROCESSING, before.state());
        assertEquals("processing", before.status());
        assertNull(before.failure());
        assertEquals(State.SUCCEEDED, after.state());
        assertEquals(Money.parse("42.00", "USD"), after.amount());
        assertNull(after.failure());
        List<ProcessorCharge> charges = chargesFor(payment);
        assertEquals(List.of(State.SUCCEEDED), charges.stream().map(ProcessorCharge::state).toList());
    }

    @Test
    public void an_ach_debit_that_fails_before_it_settles_reads_failed_with_the_banks_code_not_returned() {
        PaymentOutcome outcome = processor().charge(aCharge(aPayment(), "42.00", anAchAccountThatIsClosed()));
        String reference = assertInstanceOf(PaymentOutcome.Processing.class, outcome).processorReference();

        settleAch(reference);
        ProcessorCharge charge = processor().lookup(reference).orElseThrow();

        assertEquals(State.FAILED, charge.state(), "nothing had arrived, so nothing came back");
        assertEquals("account_closed", charge.failure().code());
        assertFalse(charge.disputed());
    }

    @Test
    public void an_unknown_reference_reads_empty() {
        String unknown = "pi_" + UUID.randomUUID().toString().replace("-", "");

        assertTrue(processor().lookup(unknown).isEmpty());
    }

    @Test
    public void a_payment_never_charged_has_no_charges() {
        List<ProcessorCharge> charges = chargesFor(aPayment());

        assertNotNull(charges);
        assertTrue(charges.isEmpty(), charges::toString);
    }

    /** A payment id no earlier run is likely to have used. */
    protected static PaymentId aPayment() {
        return new PaymentId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    /** A charge under a fresh idempotency key. */
    protected static ChargeRequest aCharge(PaymentId payment, String usd, PaymentMethod method) {
        return new ChargeRequest("contract-" + UUID.randomUUID(), payment, new CustomerId(1),
                Money.parse(usd, "USD"), method, "Paydesk payment " + payment);
    }
}
