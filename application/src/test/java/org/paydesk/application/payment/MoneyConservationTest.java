package org.paydesk.application.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.paydesk.application.payment.PaymentDesk.CASHIER;
import static org.paydesk.application.payment.PaymentDesk.STRIPE;
import static org.paydesk.domain.testdata.Payments.bankAccount;
import static org.paydesk.domain.testdata.Payments.card;
import static org.paydesk.domain.testdata.Payments.insufficientFunds;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.fake.CapturedLog;
import org.paydesk.application.payment.port.in.AllocationInstruction;
import org.paydesk.application.payment.port.in.ReceivePaymentCommand;
import org.paydesk.application.receivable.ReceivableService;
import org.paydesk.application.receivable.port.in.ImportReceivablesCommand;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationRequest;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * A long, random but seeded run of everything that moves a customer's money (payments applied oldest first or
 * explicitly, successes, declines, lost answers, ACH debits settling either way later, reconciled unknowns,
 * duplicate and late webhooks, refused instructions, retried requests, new invoices), checking after every step that
 * no cent was created or lost. A failure names the seed and the step, so it can be replayed.
 */
class MoneyConservationTest {

    private static final int STEPS = 800;
    private static final PaymentFailure ACH_RETURNED = new PaymentFailure("ach_failed", "R01", "Insufficient funds.");

    private final PaymentDesk desk = new PaymentDesk();
    private final ReceivableService invoices = new ReceivableService(desk.customers, desk.receivables, desk.audit,
            desk.time);
    private final Map<CustomerId, Money> initialCredit = new LinkedHashMap<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<String> processingReferences = new ArrayList<>();
    private final List<PaymentId> unknownPayments = new ArrayList<>();
    private final Map<String, PaymentStatus> settledReferences = new HashMap<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private Random random;
    private int references;
    private int invoiceNumbers;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 20240301L, 987654321L})
    void no_money_is_created_or_lost_over_a_long_run_of_payments_settlements_and_refusals(long seed) {
        random = new Random(seed);
        for (int i = 0; i < 3; i++) {
            Customer customer = desk.customerWithCredit(i == 1 ? "10.00" : "0");
            customers.add(customer);
            initialCredit.put(customer.id(), customer.creditBalance());
            for (int n = 0; n < 4; n++) {
                importInvoice(customer);
            }
        }
        try (CapturedLog log = CapturedLog.of(ReceivePaymentService.class)) {
            for (int step = 0; step < STEPS; step++) {
                String where = "seed " + seed + ", step " + step;
                try {
                    step();
                } catch (AssertionError | RuntimeException failure) {
                    throw new AssertionError(where + ": " + failure.getMessage(), failure);
                }
                assertMoneyConserved(where);
            }
            assertEquals(seen.getOrDefault("lost", 0), log.records().size(), "one warning per lost answer");
        }
        assertTheRunWentEverywhere();
    }

    private void step() {
        desk.time.advance(Duration.ofMinutes(1 + random.nextInt(120)));
        int dice = random.nextInt(100);
        if (dice < 45) {
            receive();
        } else if (dice < 60) {
            settleAch();
        } else if (dice < 70) {
            reconcileUnknown();
        } else if (dice < 80) {
            repeatOrLateWebhook();
        } else if (dice < 87) {
            importInvoice(anyCustomer());
        } else if (dice < 94) {
            refusedInstruction();
        } else {
            desk.queries.preview(new AllocationInstruction(anyCustomer().id(), cents(1 + random.nextInt(30_000)),
                    null));
            count("preview");
        }
    }

    private void receive() {
        Customer customer = anyCustomer();
        boolean ach = random.nextInt(10) < 4;
        PaymentMethod method = ach ? bankAccount() : card();
        Money amount = cents(1 + random.nextInt(40_000));
        List<AllocationRequest> allocations = null;
        if (random.nextInt(10) < 4) {
            allocations = new ArrayList<>();
            long allocated = 0;
            for (Receivable open : desk.receivables.allOpenFor(customer.id())) {
                if (random.nextBoolean()) {
                    long part = 1 + random.nextInt((int) open.openBalance().minorUnits());
                    allocations.add(new AllocationRequest(open.id(), cents(part)));
                    allocated += part;
                }
            }
            amount = cents(allocated + (random.nextBoolean() ? 0 : random.nextInt(5_000)));
            if (amount.isZero()) {
                amount = cents(1);
            }
            count("explicit");
        }
        String requestKey = random.nextInt(4) == 0 ? "key-" + references : null;
        ReceivePaymentCommand command = new ReceivePaymentCommand(customer.id(), amount, method, allocations,
                PaymentChannel.ACCOUNTS_RECEIVABLE, requestKey, CASHIER);

        String reference = (ach ? "py_" : "pi_") + ++references;
        scriptAnswer(ach, reference);
        Payment payment = desk.receiving.receive(command);
        assertEquals(0, desk.processor.unusedSteps(), "the processor was called once");
        track(payment, reference);

        if (requestKey != null && random.nextBoolean()) {
            int calls = desk.processor.requests().size();
            Payment retried = desk.receiving.receive(command);
            assertEquals(payment.id(), retried.id(), "a retry finds the first payment");
            assertEquals(calls, desk.processor.requests().size(), "a retry charges nothing");
            count("retry");
        }
    }

    private void scriptAnswer(boolean ach, String reference) {
        int dice = random.nextInt(100);
        if (ach) {
            if (dice < 60) {
                desk.processor.answers(new PaymentOutcome.Processing(reference));
            } else if (dice < 75) {
                desk.processor.answers(new PaymentOutcome.Declined(reference, ACH_RETURNED));
            } else if (dice < 90) {
                desk.processor.loses(new IllegalStateException("connection reset"));
                count("lost");
            } else {
                desk.processor.answers(new PaymentOutcome.Succeeded(reference));
            }
        } else if (dice < 55) {
            desk.processor.answers(new PaymentOutcome.Succeeded(reference));
        } else if (dice < 80) {
            desk.processor.answers(new PaymentOutcome.Declined(reference, insufficientFunds()));
        } else if (dice < 95) {
            desk.processor.loses(new IllegalStateException("read timed out"));
            count("lost");
        } else {
            desk.processor.answers(new PaymentOutcome.Unknown("timeout"));
        }
    }

    private void track(Payment payment, String reference) {
        count(payment.status().name());
        switch (payment.status()) {
            case PROCESSING -> processingReferences.add(reference);
            case UNKNOWN -> unknownPayments.add(payment.id());
            case SUCCEEDED, FAILED -> settledReferences.put(reference, payment.status());
            default -> fail("unexpected status " + payment.status());
        }
    }

    private void settleAch() {
        if (processingReferences.isEmpty()) {
            return;
        }
        String reference = processingReferences.remove(random.nextInt(processingReferences.size()));
        PaymentOutcome outcome = random.nextInt(10) < 7 ? new PaymentOutcome.Succeeded(reference)
                : new PaymentOutcome.Declined(reference, ACH_RETURNED);
        Payment payment = desk.outcomes.record(reference, outcome, STRIPE).orElseThrow();
        PaymentStatus expected = outcome instanceof PaymentOutcome.Succeeded ? PaymentStatus.SUCCEEDED
                : PaymentStatus.FAILED;
        assertEquals(expected, payment.status());
        settledReferences.put(reference, payment.status());
        count("ach " + expected);
    }

    private void reconcileUnknown() {
        if (unknownPayments.isEmpty()) {
            return;
        }
        PaymentId id = unknownPayments.remove(random.nextInt(unknownPayments.size()));
        String reference = "pi_found_" + ++references;
        int dice = random.nextInt(10);
        PaymentOutcome outcome = dice < 5 ? new PaymentOutcome.Succeeded(reference)
                : dice < 8 ? new PaymentOutcome.Declined(reference, insufficientFunds())
                : new PaymentOutcome.Processing(reference);
        Payment payment = desk.ledger.settle(id, null, outcome, Actor.system("reconciler"));
        count("reconciled " + payment.status());
        track(payment, reference);
    }

    private void repeatOrLateWebhook() {
        if (settledReferences.isEmpty()) {
            return;
        }
        List<String> known = new ArrayList<>(settledReferences.keySet());
        known.sort(null);
        String reference = known.get(random.nextInt(known.size()));
        PaymentOutcome outcome = random.nextBoolean() ? new PaymentOutcome.Succeeded(reference)
                : new PaymentOutcome.Declined(reference, ACH_RETURNED);
        Payment payment = desk.outcomes.record(reference, outcome, STRIPE).orElseThrow();
        assertEquals(settledReferences.get(reference), payment.status(), "a settled payment never moves back");
        count("late webhook");
    }

    private void refusedInstruction() {
        Customer customer = anyCustomer();
        List<Receivable> open = desk.receivables.allOpenFor(customer.id());
        if (open.isEmpty()) {
            return;
        }
        Receivable target = open.get(random.nextInt(open.size()));
        Money tooMuch = target.openBalance().plus(cents(1));
        ReceivePaymentCommand command = new ReceivePaymentCommand(customer.id(), tooMuch.plus(cents(100)), card(),
                List.of(new AllocationRequest(target.id(), tooMuch)), PaymentChannel.ACCOUNTS_RECEIVABLE, null,
                CASHIER);
        int payments = desk.payments.all().size();
        DomainException refused = assertThrows(DomainException.class, () -> desk.receiving.receive(command));
        assertEquals("allocation_exceeds_balance", refused.code());
        assertEquals(payments, desk.payments.all().size(), "a refused instruction stores no payment");
        count("refused");
    }

    private void importInvoice(Customer customer) {
        LocalDate due = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(120));
        invoices.importReceivables(new ImportReceivablesCommand(customer.id(), List.of(new ImportReceivablesCommand.Line(
                "INV-" + ++invoiceNumbers, due.minusDays(30), due, cents(1_000 + random.nextInt(60_000)), null)),
                CASHIER));
    }

    private void assertMoneyConserved(String where) {
        List<Payment> payments = desk.payments.all();
        for (Customer customer : customers) {
            Map<ReceivableId, Money> allocatedTo = new HashMap<>();
            Money allocated = cents(0);
            Money unappliedOfSucceeded = cents(0);
            for (Payment payment : payments) {
                if (!payment.customerId().equals(customer.id())) {
                    continue;
                }
                if (payment.status() != PaymentStatus.FAILED) {
                    for (Allocation allocation : payment.allocations()) {
                        allocatedTo.merge(allocation.receivableId(), allocation.amount(), Money::plus);
                        allocated = allocated.plus(allocation.amount());
                    }
                }
                if (payment.status() == PaymentStatus.SUCCEEDED) {
                    unappliedOfSucceeded = unappliedOfSucceeded.plus(payment.unapplied());
                }
            }
            Money paidOnInvoices = cents(0);
            for (Receivable invoice : desk.receivables.allFor(customer.id())) {
                Money paid = invoice.originalAmount().minus(invoice.openBalance());
                assertFalse(invoice.openBalance().isNegative(), () -> where + ": negative balance on " + invoice.number());
                assertFalse(paid.isNegative(), () -> where + ": " + invoice.number() + " open above its amount");
                assertEquals(allocatedTo.getOrDefault(invoice.id(), cents(0)), paid,
                        where + ": paid on " + invoice.number() + " vs allocations of payments not failed");
                paidOnInvoices = paidOnInvoices.plus(paid);
            }
            assertEquals(allocated, paidOnInvoices,
                    where + ": customer " + customer.number() + " sum(original - open) vs allocations not failed");
            Money credit = desk.creditOf(customer);
            assertFalse(credit.isNegative(), where + ": negative credit");
            assertEquals(initialCredit.get(customer.id()).plus(unappliedOfSucceeded), credit,
                    where + ": customer " + customer.number() + " credit vs unapplied of succeeded payments");
        }
    }

    /** The run is only worth something if it reached every path. */
    private void assertTheRunWentEverywhere() {
        Map<PaymentStatus, Integer> statuses = new EnumMap<>(PaymentStatus.class);
        desk.payments.all().forEach(payment -> statuses.merge(payment.status(), 1, Integer::sum));
        for (String path : List.of("SUCCEEDED", "FAILED", "UNKNOWN", "PROCESSING", "ach SUCCEEDED", "ach FAILED",
                "reconciled SUCCEEDED", "reconciled FAILED", "late webhook", "refused", "retry", "explicit")) {
            assertTrue(seen.getOrDefault(path, 0) > 0, () -> "the run never went through " + path + ": " + seen);
        }
        assertTrue(statuses.getOrDefault(PaymentStatus.SUCCEEDED, 0) > 50, () -> "" + statuses);
    }

    private Customer anyCustomer() {
        return customers.get(random.nextInt(customers.size()));
    }

    private void count(String path) {
        seen.merge(path, 1, Integer::sum);
    }

    private static Money cents(long cents) {
        return Money.ofMinor(cents, "USD");
    }
}
