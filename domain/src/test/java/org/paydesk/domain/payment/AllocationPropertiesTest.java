package org.paydesk.domain.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Allocation over random sets of invoices (random balances, issue and due dates with many ties, some already
 * paid or partly paid) and random payment amounts: the plan always accounts for the whole payment, never takes a
 * balance below zero, can be undone exactly, and several payments never apply more than was open.
 *
 * <p>Each property runs 1,000 examples (QuickTheories' default, overridable with {@code -DQT_EXAMPLES=n}), the
 * sequence of payments 500; a failure is shrunk and reported with its seed, which {@code -DQT_SEED=seed} replays.
 */
class AllocationPropertiesTest {

    private static final CustomerId CUSTOMER = new CustomerId(1);
    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);
    private static final Pattern REQUEST_FIELD = Pattern.compile("allocations\\[(\\d+)]\\.(receivableId|amount)");

    /** The business order, written independently of the domain's comparator. */
    private static final Comparator<Receivable> OLDEST_FIRST = Comparator
            .comparing((Receivable receivable) -> receivable.dueDate())
            .thenComparing(receivable -> receivable.issueDate())
            .thenComparing(receivable -> receivable.id().value());

    /** One generated invoice: its open balance, what was paid before, and when it was issued and falls due. */
    record InvoiceSpec(long openMinor, long paidBeforeMinor, int issueDay, int termDays) {
    }

    /** How big the payment is compared with what is open: exactly all of it, a share of it, or any amount. */
    record PaymentSize(int kind, int permille, long anyMinor) {

        long of(long totalOpen) {
            long minor = switch (kind) {
                case 0 -> totalOpen;
                case 1 -> totalOpen * permille / 1000;
                default -> anyMinor;
            };
            return Math.max(1, minor);
        }
    }

    /**
     * The seed of the {@link Random} a property draws its choices from: a fresh {@code Random} is made from it on
     * every run of the property, so a failing example (and each of its shrinks) replays exactly.
     */
    record Seed(int value) {

        Random random() {
            return new Random(value);
        }
    }

    private static Gen<List<InvoiceSpec>> invoices() {
        Gen<Long> open = Generate.frequency(List.of(
                Pair.of(1, Generate.constant(0L)),
                Pair.of(1, longs().between(1, 5)),
                Pair.of(8, longs().between(1, 100_000))));
        Gen<Long> paidBefore = Generate.frequency(List.of(
                Pair.of(3, Generate.constant(0L)),
                Pair.of(1, longs().between(1, 50_000))));
        Gen<Integer> issueDay = integers().between(0, 20);
        Gen<Integer> termDays = integers().between(0, 20);
        return lists().of(open.zip(paidBefore, issueDay, termDays, InvoiceSpec::new)).ofSizeBetween(0, 12);
    }

    private static Gen<PaymentSize> paymentSizes() {
        return integers().between(0, 2).zip(
                integers().between(0, 2000),
                longs().between(1, 1_500_000), PaymentSize::new);
    }

    /** Seeds are not shrunk: a smaller seed is no simpler a choice, only a different one. */
    private static Gen<Seed> seeds() {
        return Generate.rangeWithNoShrinkPoint(Integer.MIN_VALUE, Integer.MAX_VALUE).map(Seed::new);
    }

    /** Fresh invoices for each try (they are mutable), ids 1..n, all the customer's. */
    private static List<Receivable> build(List<InvoiceSpec> specs) {
        List<Receivable> invoices = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            InvoiceSpec spec = specs.get(i);
            long original = Math.max(1, spec.openMinor() + spec.paidBeforeMinor());
            LocalDate issued = EPOCH.plusDays(spec.issueDay());
            invoices.add(Receivable.restore(new ReceivableId(i + 1), CUSTOMER, "INV-" + (i + 1), issued,
                    issued.plusDays(spec.termDays()), usd(original), usd(spec.openMinor()), 0));
        }
        return invoices;
    }

    private static Money usd(long minor) {
        return Money.ofMinor(minor, "USD");
    }

    private static Map<ReceivableId, Receivable> byId(List<Receivable> invoices) {
        Map<ReceivableId, Receivable> byId = new LinkedHashMap<>();
        invoices.forEach(invoice -> byId.put(invoice.id(), invoice));
        return byId;
    }

    private static Map<ReceivableId, Long> balances(List<Receivable> invoices) {
        Map<ReceivableId, Long> balances = new HashMap<>();
        invoices.forEach(invoice -> balances.put(invoice.id(), invoice.openBalance().minorUnits()));
        return balances;
    }

    private static long totalOpen(List<Receivable> invoices) {
        return invoices.stream().mapToLong(invoice -> invoice.openBalance().minorUnits()).sum();
    }

    /** A random set of requests that a careful clerk could make: each to a distinct open invoice, within its balance. */
    private static List<AllocationRequest> validRequests(List<Receivable> invoices, Random random) {
        List<Receivable> open = new ArrayList<>(invoices.stream().filter(Receivable::isOpen).toList());
        Collections.shuffle(open, random);
        int count = open.isEmpty() ? 0 : random.nextInt(open.size() + 1);
        List<AllocationRequest> requests = new ArrayList<>();
        for (Receivable invoice : open.subList(0, count)) {
            long balance = invoice.openBalance().minorUnits();
            long amount = random.nextInt(3) == 0 ? balance : 1 + random.nextLong(balance);
            requests.add(new AllocationRequest(invoice.id(), usd(amount)));
        }
        return requests;
    }

    private static Money paymentCovering(List<AllocationRequest> requests, Random random) {
        long sum = requests.stream().mapToLong(request -> request.amount().minorUnits()).sum();
        long extra = random.nextInt(3) == 0 ? 0 : random.nextLong(50_000);
        return usd(Math.max(1, sum + extra));
    }

    /** What every plan must satisfy, whoever made it, checked on the invoices it was made from. */
    private static void assertAccountsForEverything(AllocationPlan plan, Money amount, List<Receivable> invoices) {
        Map<ReceivableId, Receivable> byId = byId(invoices);
        long allocated = 0;
        Set<ReceivableId> seen = new HashSet<>();
        for (Allocation allocation : plan.allocations()) {
            Receivable invoice = byId.get(allocation.receivableId());
            assertNotNull(invoice, "allocated to an invoice that was not offered: " + allocation);
            assertTrue(seen.add(allocation.receivableId()), "two allocations to " + allocation.receivableId());
            assertTrue(allocation.amount().isPositive(), allocation::toString);
            assertFalse(allocation.amount().isGreaterThan(invoice.openBalance()),
                    () -> allocation + " exceeds the open " + invoice.openBalance());
            assertEquals(invoice.number(), allocation.receivableNumber());
            allocated += allocation.amount().minorUnits();
        }
        assertEquals(amount, plan.amount());
        assertFalse(plan.unapplied().isNegative());
        assertEquals(amount.minorUnits(), allocated + plan.unapplied().minorUnits(), "allocated + unapplied");
        assertEquals(usd(allocated), plan.allocated());
    }

    /** Applying lowers balances by exactly the plan, never below zero; reversing restores every balance exactly. */
    private static void assertAppliesAndReversesExactly(AllocationPlan plan, List<Receivable> invoices) {
        Map<ReceivableId, Long> before = balances(invoices);

        plan.applyTo(byId(invoices));

        long reduced = 0;
        for (Receivable invoice : invoices) {
            assertFalse(invoice.openBalance().isNegative(), () -> invoice.number() + " " + invoice.openBalance());
            long reduction = before.get(invoice.id()) - invoice.openBalance().minorUnits();
            long planned = plan.allocations().stream().filter(a -> a.receivableId().equals(invoice.id()))
                    .mapToLong(a -> a.amount().minorUnits()).sum();
            assertEquals(planned, reduction, () -> "reduction of " + invoice.number());
            reduced += reduction;
        }
        assertEquals(plan.allocated().minorUnits(), reduced, "sum of reductions == allocated");

        plan.reverseOn(byId(invoices));

        assertEquals(before, balances(invoices), "balances after apply then reverse");
    }

    @Test
    void oldest_due_first_accounts_for_the_whole_payment() {
        qt().forAll(invoices(), paymentSizes()).checkAssert((specs, size) -> {
            List<Receivable> invoices = build(specs);
            Money amount = usd(size.of(totalOpen(invoices)));

            AllocationPlan plan = Allocator.oldestDueFirst(amount, CUSTOMER, invoices);

            assertAccountsForEverything(plan, amount, invoices);
            assertEquals(Math.max(0, amount.minorUnits() - totalOpen(invoices)), plan.unapplied().minorUnits(),
                    "only what exceeds everything open is left unapplied");
        });
    }

    @Test
    void oldest_due_first_applies_and_reverses_exactly() {
        qt().forAll(invoices(), paymentSizes()).checkAssert((specs, size) -> {
            List<Receivable> invoices = build(specs);
            Money amount = usd(size.of(totalOpen(invoices)));

            assertAppliesAndReversesExactly(Allocator.oldestDueFirst(amount, CUSTOMER, invoices), invoices);
        });
    }

    @Test
    void oldest_due_first_never_pays_a_younger_invoice_while_an_older_one_stays_open() {
        qt().forAll(invoices(), paymentSizes()).checkAssert((specs, size) -> {
            List<Receivable> invoices = build(specs);
            Money amount = usd(size.of(totalOpen(invoices)));
            Map<ReceivableId, Long> before = balances(invoices);
            AllocationPlan plan = Allocator.oldestDueFirst(amount, CUSTOMER, invoices);

            plan.applyTo(byId(invoices));

            List<Receivable> ordered = new ArrayList<>(invoices);
            ordered.sort(OLDEST_FIRST);
            boolean olderStillOpen = false;
            for (Receivable invoice : ordered) {
                boolean receivedMoney = invoice.openBalance().minorUnits() < before.get(invoice.id());
                assertFalse(receivedMoney && olderStillOpen,
                        () -> invoice.number() + " received money while an older invoice is still open");
                olderStillOpen |= invoice.isOpen();
            }
            List<ReceivableId> planOrder = plan.allocations().stream().map(Allocation::receivableId).toList();
            List<ReceivableId> expectedOrder = ordered.stream().map(Receivable::id)
                    .filter(planOrder::contains).toList();
            assertEquals(expectedOrder, planOrder, "allocations are listed oldest due first");
            if (plan.unapplied().isPositive()) {
                assertTrue(invoices.stream().noneMatch(Receivable::isOpen),
                        "money left over while invoices are open");
            }
        });
    }

    @Test
    void valid_explicit_allocations_account_for_the_whole_payment_and_reverse_exactly() {
        qt().forAll(invoices(), seeds()).checkAssert((specs, seed) -> {
            Random random = seed.random();
            List<Receivable> invoices = build(specs);
            List<AllocationRequest> requests = validRequests(invoices, random);
            Money amount = paymentCovering(requests, random);

            AllocationPlan plan = Allocator.explicit(amount, CUSTOMER, requests, byId(invoices));

            assertAccountsForEverything(plan, amount, invoices);
            for (int i = 0; i < requests.size(); i++) {
                assertEquals(requests.get(i).receivableId(), plan.allocations().get(i).receivableId());
                assertEquals(requests.get(i).amount(), plan.allocations().get(i).amount());
            }
            assertAppliesAndReversesExactly(plan, invoices);
        });
    }

    @Test
    void careless_explicit_allocations_either_fit_or_are_refused_naming_the_request_at_fault() {
        qt().forAll(invoices(), seeds(), integers().between(1, 6)).checkAssert((specs, seed, requestCount) -> {
            Random random = seed.random();
            List<Receivable> invoices = build(specs);
            List<AllocationRequest> requests = new ArrayList<>();
            for (int i = 0; i < requestCount; i++) {
                long id = 1 + random.nextInt(invoices.size() + 2);
                long amount = random.nextInt(120_000) - 10_000;
                requests.add(new AllocationRequest(new ReceivableId(id), usd(amount)));
            }
            Money amount = usd(1 + random.nextInt(200_000));

            try {
                AllocationPlan plan = Allocator.explicit(amount, CUSTOMER, requests, byId(invoices));
                assertAccountsForEverything(plan, amount, invoices);
                assertAppliesAndReversesExactly(plan, invoices);
            } catch (DomainException refused) {
                var field = REQUEST_FIELD.matcher(String.valueOf(refused.field()));
                assertTrue(field.matches(), () -> "field " + refused.field() + " for " + refused.code());
                assertTrue(Integer.parseInt(field.group(1)) < requests.size(), refused::field);
                assertTrue(Set.of("receivable_not_found", "duplicate_allocation", "invalid_amount",
                        "allocation_exceeds_balance", "allocations_exceed_payment").contains(refused.code()),
                        refused::code);
            }
        });
    }

    @Test
    void payments_in_sequence_never_apply_more_than_was_open() {
        qt().withExamples(500).forAll(invoices(), seeds(), integers().between(1, 8))
                .checkAssert((specs, seed, paymentCount) -> {
                    Random random = seed.random();
                    List<Receivable> invoices = build(specs);
                    Map<ReceivableId, Receivable> byId = byId(invoices);
                    Map<ReceivableId, Long> start = balances(invoices);
                    Map<ReceivableId, Long> applied = new HashMap<>();
                    invoices.forEach(invoice -> applied.put(invoice.id(), 0L));

                    for (int p = 0; p < paymentCount; p++) {
                        AllocationPlan plan = randomPlan(invoices, random);
                        AllocationPlan concurrent = random.nextInt(3) == 0 ? randomPlan(invoices, random) : null;

                        plan.applyTo(byId);
                        record(applied, plan, +1);
                        if (concurrent != null) {
                            applyStalePlan(concurrent, invoices, byId, applied);
                        }
                        if (random.nextInt(4) == 0) {
                            // the payment is declined or returned: its allocations are released
                            plan.reverseOn(byId);
                            record(applied, plan, -1);
                        }
                        for (Receivable invoice : invoices) {
                            long total = applied.get(invoice.id());
                            assertTrue(total >= 0 && total <= start.get(invoice.id()),
                                    () -> invoice.number() + " had " + start.get(invoice.id()) + " open, " + total
                                            + " applied");
                            assertEquals(start.get(invoice.id()) - total, invoice.openBalance().minorUnits(),
                                    () -> "balance of " + invoice.number());
                        }
                    }
                });
    }

    /** A plan made from the same balances as one already applied: it fits what is left, or changes nothing. */
    private static void applyStalePlan(AllocationPlan stale, List<Receivable> invoices,
            Map<ReceivableId, Receivable> byId, Map<ReceivableId, Long> applied) {
        boolean fits = stale.allocations().stream().allMatch(
                a -> !a.amount().isGreaterThan(byId.get(a.receivableId()).openBalance()));
        if (fits) {
            stale.applyTo(byId);
            record(applied, stale, +1);
            return;
        }
        Map<ReceivableId, Long> before = balances(invoices);
        DomainException refused = assertThrows(DomainException.class, () -> stale.applyTo(byId));
        assertEquals("allocation_exceeds_balance", refused.code());
        assertEquals(before, balances(invoices), "a refused plan must change no invoice");
    }

    private static AllocationPlan randomPlan(List<Receivable> invoices, Random random) {
        if (random.nextBoolean()) {
            long total = totalOpen(invoices);
            long amount = 1 + random.nextLong(Math.max(1, total + total / 4 + 1));
            return Allocator.oldestDueFirst(usd(amount), CUSTOMER, invoices);
        }
        List<AllocationRequest> requests = validRequests(invoices, random);
        return Allocator.explicit(paymentCovering(requests, random), CUSTOMER, requests, byId(invoices));
    }

    private static void record(Map<ReceivableId, Long> applied, AllocationPlan plan, int sign) {
        plan.allocations().forEach(a -> applied.merge(a.receivableId(), sign * a.amount().minorUnits(), Long::sum));
    }
}
