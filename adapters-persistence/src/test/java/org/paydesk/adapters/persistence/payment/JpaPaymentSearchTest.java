package org.paydesk.adapters.persistence.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;
import static org.paydesk.adapters.persistence.testing.Fixtures.anOpenInvoice;
import static org.paydesk.adapters.persistence.testing.Fixtures.usd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.paydesk.adapters.persistence.testing.SqlCounter;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.payment.port.in.PaymentCriteria;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.AllocationPlan;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.receivable.Receivable;

/** The payment history's search: each filter narrows, days are whole UTC days, pages are newest first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaPaymentSearchTest {

    private static final Instant NOV_27_LAST_NANO = Instant.parse("2026-11-27T23:59:59.999999999Z");
    private static final Instant NOV_28_FIRST_NANO = Instant.parse("2026-11-28T00:00:00Z");
    private static final Instant NOV_28_NOON = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant NOV_29 = Instant.parse("2026-11-29T08:00:00Z");

    private TestDatabase db;
    private CustomerId acme;
    private CustomerId globex;
    private PaymentId cardOnThe27th;
    private PaymentId achOnThe28th;
    private PaymentId walletOnThe28th;
    private PaymentId failedOnThe29th;
    private PaymentId sameTimeLowerId;

    TestDatabase database() {
        return TestDatabase.migrated();
    }

    @BeforeAll
    void store() {
        db = database();
        acme = aCustomer(db, "S-ACME").id();
        globex = aCustomer(db, "S-GLOBEX").id();
        Receivable invoice = anOpenInvoice(db, acme, "INV-S-1", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1),
                500_000);
        cardOnThe27th = store(acme, PaymentMethodType.CARD, PaymentChannel.ACCOUNTS_RECEIVABLE,
                PaymentStatus.SUCCEEDED, NOV_27_LAST_NANO, invoice);
        sameTimeLowerId = store(globex, PaymentMethodType.CARD, PaymentChannel.ORDER_ENTRY, PaymentStatus.SUCCEEDED,
                NOV_28_FIRST_NANO, null);
        achOnThe28th = store(acme, PaymentMethodType.ACH, PaymentChannel.ACCOUNTS_RECEIVABLE,
                PaymentStatus.PROCESSING, NOV_28_FIRST_NANO, null);
        walletOnThe28th = store(globex, PaymentMethodType.APPLE_PAY, PaymentChannel.ECOMMERCE,
                PaymentStatus.REFUNDED, NOV_28_NOON, null);
        failedOnThe29th = store(acme, PaymentMethodType.CARD, PaymentChannel.PAYMENT_LINK, PaymentStatus.FAILED,
                NOV_29, null);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void withoutCriteriaEveryPaymentIsListedNewestFirstTiesByHigherIdAndPagedWithATotal() {
        List<PaymentId> all = List.of(failedOnThe29th, walletOnThe28th, achOnThe28th, sameTimeLowerId, cardOnThe27th);
        assertAll(
                () -> assertEquals(all, ids(search(PaymentCriteria.all(), 0, 10))),
                () -> assertEquals(5, search(PaymentCriteria.all(), 0, 2).total()),
                () -> assertEquals(all.subList(2, 4), ids(search(PaymentCriteria.all(), 1, 2))),
                () -> assertEquals(all.subList(4, 5), ids(search(PaymentCriteria.all(), 2, 2))),
                () -> assertEquals(List.of(), ids(search(PaymentCriteria.all(), 3, 2))));
    }

    @Test
    void eachFilterNarrowsToItsOwnPayments() {
        assertAll(
                () -> assertEquals(List.of(walletOnThe28th, sameTimeLowerId),
                        ids(search(new PaymentCriteria(globex, null, null, null, null, null), 0, 10))),
                () -> assertEquals(List.of(achOnThe28th),
                        ids(search(new PaymentCriteria(null, null, null, PaymentStatus.PROCESSING, null, null), 0,
                                10))),
                () -> assertEquals(List.of(walletOnThe28th),
                        ids(search(new PaymentCriteria(null, null, null, null, PaymentMethodType.APPLE_PAY, null), 0,
                                10))),
                () -> assertEquals(List.of(failedOnThe29th),
                        ids(search(new PaymentCriteria(null, null, null, null, null, PaymentChannel.PAYMENT_LINK), 0,
                                10))),
                () -> assertEquals(List.of(failedOnThe29th, cardOnThe27th),
                        ids(search(new PaymentCriteria(acme, null, null, null, PaymentMethodType.CARD, null), 0,
                                10))),
                () -> assertEquals(0, search(new PaymentCriteria(globex, null, null, PaymentStatus.FAILED, null,
                        null), 0, 10).total()));
    }

    @Test
    void daysAreWholeUtcDaysInclusiveAtBothEnds() {
        LocalDate nov27 = LocalDate.of(2026, 11, 27);
        LocalDate nov28 = LocalDate.of(2026, 11, 28);
        assertAll(
                () -> assertEquals(List.of(walletOnThe28th, achOnThe28th, sameTimeLowerId),
                        ids(search(new PaymentCriteria(null, nov28, nov28, null, null, null), 0, 10))),
                () -> assertEquals(List.of(cardOnThe27th),
                        ids(search(new PaymentCriteria(null, null, nov27, null, null, null), 0, 10))),
                () -> assertEquals(List.of(failedOnThe29th, walletOnThe28th, achOnThe28th, sameTimeLowerId),
                        ids(search(new PaymentCriteria(null, nov28, null, null, null, null), 0, 10))),
                () -> assertEquals(List.of(cardOnThe27th), ids(search(
                        new PaymentCriteria(null, null, LocalDate.MAX, PaymentStatus.SUCCEEDED, null,
                                PaymentChannel.ACCOUNTS_RECEIVABLE), 0, 10))));
    }

    @Test
    void aListedPaymentKeepsItsAllocationsInTheirOrder() {
        try (TestDatabase own = database()) {
            inOrder(own);
        }
    }

    private void inOrder(TestDatabase own) {
        CustomerId customer = aCustomer(own, "S-ORDER").id();
        LocalDate day = LocalDate.of(2026, 11, 1);
        Receivable c = anOpenInvoice(own, customer, "INV-S-C", day, day.plusDays(3), 10_000);
        Receivable a = anOpenInvoice(own, customer, "INV-S-A", day, day.plusDays(1), 10_000);
        Receivable b = anOpenInvoice(own, customer, "INV-S-B2", day, day.plusDays(2), 10_000);
        AllocationPlan plan = new AllocationPlan(usd(6_000), List.of(new Allocation(b.id(), b.number(), usd(1_000)),
                new Allocation(c.id(), c.number(), usd(2_000)), new Allocation(a.id(), a.number(), usd(3_000))),
                usd(0));
        own.run(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            payments.add(Payment.restore(payments.nextId(), customer, new PaymentMethod(PaymentMethodType.CARD,
                    "pm_order"), PaymentChannel.ACCOUNTS_RECEIVABLE, plan, null, PaymentStatus.SUCCEEDED, "pi_o",
                    null, NOV_29, NOV_29, 0));
        });

        assertEquals(plan, own.inTransaction(em -> new JpaPaymentRepository(em).search(
                new PaymentCriteria(customer, null, null, null, null, null), new PageRequest(0, 10))).items().get(0)
                .plan());
    }

    @Test
    void aListedPaymentComesBackWhole() {
        Payment listed = search(new PaymentCriteria(acme, null, LocalDate.of(2026, 11, 27), null, null, null), 0, 10)
                .items().get(0);
        Payment found = db.inTransaction(em -> new JpaPaymentRepository(em).find(cardOnThe27th)).orElseThrow();
        assertAll(
                () -> assertEquals(found.plan(), listed.plan()),
                () -> assertEquals(found.status(), listed.status()),
                () -> assertEquals(NOV_27_LAST_NANO, listed.createdAt()),
                () -> assertEquals(found.version(), listed.version()));
    }

    @Test
    void aPageOfPaymentsReadsTheAllocationsOfAllOfThemInOneMoreQuery() {
        // A database of its own, so the shared payments of the other tests stay as they are.
        try (TestDatabase own = database()) {
            CustomerId customer = aCustomer(own, "S-BATCH").id();
            Receivable invoice = anOpenInvoice(own, customer, "INV-S-B", LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 12, 1), 500_000);
            for (int i = 1; i <= 12; i++) {
                store(own, customer, PaymentMethodType.CARD, PaymentChannel.ACCOUNTS_RECEIVABLE,
                        PaymentStatus.SUCCEEDED, NOV_29.plusSeconds(i), invoice);
            }
            SqlCounter sql = SqlCounter.on(own.factory());

            SqlCounter.Counted<Page<Payment>> counted = own.inTransaction(em -> sql.count(() ->
                    new JpaPaymentRepository(em).search(new PaymentCriteria(customer, null, null, null, null, null),
                            new PageRequest(0, 10))));
            assertPageOfTen(counted);
        }
    }

    private static void assertPageOfTen(SqlCounter.Counted<Page<Payment>> counted) {
        assertEquals(10, counted.result().items().size());
        assertTrue(counted.result().items().stream().allMatch(payment -> payment.allocations().size() == 1));
        assertTrue(counted.statements() <= 3, "payments, their allocations, the count: " + counted.statements());
    }

    private PaymentId store(CustomerId customer, PaymentMethodType type, PaymentChannel channel,
            PaymentStatus status, Instant at, Receivable invoice) {
        return store(db, customer, type, channel, status, at, invoice);
    }

    private static PaymentId store(TestDatabase on, CustomerId customer, PaymentMethodType type,
            PaymentChannel channel, PaymentStatus status, Instant at, Receivable invoice) {
        return on.inTransaction(em -> {
            JpaPaymentRepository payments = new JpaPaymentRepository(em);
            AllocationPlan plan = invoice == null ? new AllocationPlan(usd(10_000), List.of(), usd(10_000))
                    : new AllocationPlan(usd(10_000), List.of(new Allocation(invoice.id(), invoice.number(),
                            usd(10_000))), usd(0));
            Payment payment = Payment.restore(payments.nextId(), customer, new PaymentMethod(type, "pm_search"),
                    channel, plan, null, status, status == PaymentStatus.PROCESSING ? null : "pi_search",
                    status == PaymentStatus.FAILED ? new PaymentFailure("card_declined", "do_not_honor", "declined")
                            : null,
                    status == PaymentStatus.REFUNDED ? usd(10_000) : null, at, at, 0);
            payments.add(payment);
            return payment.id();
        });
    }

    private Page<Payment> search(PaymentCriteria criteria, int page, int size) {
        return db.inTransaction(em -> new JpaPaymentRepository(em).search(criteria, new PageRequest(page, size)));
    }

    private static List<PaymentId> ids(Page<Payment> page) {
        return page.items().stream().map(Payment::id).toList();
    }
}
