package org.paydesk.adapters.persistence.receivable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.aCustomer;
import static org.paydesk.adapters.persistence.testing.Fixtures.anOpenInvoice;
import static org.paydesk.adapters.persistence.testing.Fixtures.usd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.SqlCounter;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.receivable.Receivable;
import org.paydesk.domain.receivable.ReceivableId;
import org.paydesk.domain.receivable.ReceivableStatus;

class JpaReceivableRepositoryTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anInvoiceComesBackWithItsAmountsDatesAndVersion() {
        CustomerId customer = aCustomer(db, "R-RT").id();
        Receivable stored = db.inTransaction(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Receivable receivable = Receivable.importWithBalance(receivables.nextId(), customer, "INV-RT-1",
                    JAN_1, JAN_1.plusDays(30), usd(100_000), usd(40_000));
            receivables.add(receivable);
            return receivable;
        });

        Receivable read = db.inTransaction(em -> new JpaReceivableRepository(em).find(stored.id())).orElseThrow();

        assertEquals(customer, read.customerId());
        assertEquals("INV-RT-1", read.number());
        assertEquals(JAN_1, read.issueDate());
        assertEquals(JAN_1.plusDays(30), read.dueDate());
        assertEquals(usd(100_000), read.originalAmount());
        assertEquals(usd(40_000), read.openBalance());
        assertEquals(ReceivableStatus.PARTIALLY_PAID, read.status());
        assertEquals(1, read.version());
        assertFalse(db.inTransaction(em -> new JpaReceivableRepository(em).find(new ReceivableId(987_654)))
                .isPresent());
    }

    @Test
    void appliedMoneyLowersTheStoredBalanceAndMovesTheVersion() {
        CustomerId customer = aCustomer(db, "R-APPLY").id();
        Receivable stored = anOpenInvoice(db, customer, "INV-A-1", JAN_1, JAN_1, 10_000);

        db.run(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Receivable receivable = receivables.find(stored.id()).orElseThrow();
            receivable.apply(usd(2_500));
            receivables.update(List.of(receivable));
        });

        Receivable read = db.inTransaction(em -> new JpaReceivableRepository(em).find(stored.id())).orElseThrow();
        assertEquals(usd(7_500), read.openBalance());
        assertEquals(2, read.version());
    }

    @Test
    void aStaleBalanceInABatchIsRefusedAndNoBalanceOfTheBatchIsWritten() {
        CustomerId customer = aCustomer(db, "R-STALE").id();
        Receivable one = anOpenInvoice(db, customer, "INV-S-1", JAN_1, JAN_1, 10_000);
        Receivable two = anOpenInvoice(db, customer, "INV-S-2", JAN_1, JAN_1, 10_000);
        Receivable staleTwo = db.inTransaction(em -> new JpaReceivableRepository(em).find(two.id())).orElseThrow();
        db.run(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Receivable current = receivables.find(two.id()).orElseThrow();
            current.apply(usd(1_000));
            receivables.update(List.of(current));
        });

        ConflictException conflict = assertThrows(ConflictException.class, () -> db.run(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Receivable fresh = receivables.find(one.id()).orElseThrow();
            fresh.apply(usd(5_000));
            staleTwo.apply(usd(5_000));
            receivables.update(List.of(fresh, staleTwo));
        }));

        assertEquals("concurrent_update", conflict.code());
        Map<ReceivableId, Receivable> read = db.inTransaction(em -> new JpaReceivableRepository(em)
                .findAll(List.of(one.id(), two.id())));
        assertEquals(usd(10_000), read.get(one.id()).openBalance());
        assertEquals(usd(9_000), read.get(two.id()).openBalance());
    }

    @Test
    void findAllReturnsTheExistingOnesByIdAndSkipsUnknownIds() {
        CustomerId customer = aCustomer(db, "R-ALL").id();
        Receivable one = anOpenInvoice(db, customer, "INV-F-1", JAN_1, JAN_1, 100);
        Receivable two = anOpenInvoice(db, customer, "INV-F-2", JAN_1, JAN_1, 200);

        Map<ReceivableId, Receivable> found = db.inTransaction(em -> new JpaReceivableRepository(em)
                .findAll(List.of(one.id(), two.id(), new ReceivableId(999_999))));

        assertEquals(2, found.size());
        assertEquals("INV-F-2", found.get(two.id()).number());
        assertTrue(db.inTransaction(em -> new JpaReceivableRepository(em).findAll(List.of())).isEmpty());
    }

    @Test
    void allOpenForListsOnlyTheCustomersOpenInvoicesByDueDateThenIssueDateThenId() {
        CustomerId customer = aCustomer(db, "R-ORDER").id();
        CustomerId someoneElse = aCustomer(db, "R-ORDER-OTHER").id();
        Receivable lateDue = anOpenInvoice(db, customer, "LATE", JAN_1, JAN_1.plusDays(60), 100);
        Receivable sameDueLaterIssue = anOpenInvoice(db, customer, "B", JAN_1.plusDays(5), JAN_1.plusDays(30), 100);
        Receivable sameDueEarlierIssue = anOpenInvoice(db, customer, "A", JAN_1, JAN_1.plusDays(30), 100);
        Receivable twinFirst = anOpenInvoice(db, customer, "TWIN-1", JAN_1, JAN_1.plusDays(10), 100);
        Receivable twinSecond = anOpenInvoice(db, customer, "TWIN-2", JAN_1, JAN_1.plusDays(10), 100);
        Receivable paid = anOpenInvoice(db, customer, "PAID", JAN_1, JAN_1, 100);
        anOpenInvoice(db, someoneElse, "NOT-MINE", JAN_1, JAN_1, 100);
        db.run(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Receivable settled = receivables.find(paid.id()).orElseThrow();
            settled.apply(usd(100));
            receivables.update(List.of(settled));
        });

        List<Receivable> open = db.inTransaction(em -> new JpaReceivableRepository(em).allOpenFor(customer));

        assertEquals(List.of(twinFirst.id(), twinSecond.id(), sameDueEarlierIssue.id(), sameDueLaterIssue.id(),
                lateDue.id()), open.stream().map(Receivable::id).toList());
        List<Receivable> sorted = new ArrayList<>(open);
        sorted.sort(Receivable.OLDEST_DUE_FIRST);
        assertEquals(sorted, open, "the database order is the domain's order");
    }

    @Test
    void allOpenForReadsTenThousandInvoicesWithAsFewStatementsAsThree() {
        CustomerId small = aCustomer(db, "R-SMALL").id();
        CustomerId large = aCustomer(db, "R-LARGE").id();
        for (int i = 0; i < 3; i++) {
            anOpenInvoice(db, small, "S-" + i, JAN_1, JAN_1.plusDays(i), 100);
        }
        db.run(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            for (int i = 0; i < 10_000; i++) {
                LocalDate issued = JAN_1.plusDays(i % 365);
                receivables.add(Receivable.open(receivables.nextId(), large, "L-" + i, issued,
                        issued.plusDays(30 + (i * 7919L) % 90), usd(1 + i)));
            }
        });
        SqlCounter sql = SqlCounter.on(db.factory());

        SqlCounter.Counted<List<Receivable>> few = sql.count(() -> db.inTransaction(em ->
                new JpaReceivableRepository(em).allOpenFor(small)));
        long started = System.nanoTime();
        SqlCounter.Counted<List<Receivable>> many = sql.count(() -> db.inTransaction(em ->
                new JpaReceivableRepository(em).allOpenFor(large)));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(3, few.result().size());
        assertEquals(10_000, many.result().size());
        assertEquals(1, few.statements(), "one SELECT");
        assertEquals(few.statements(), many.statements(), "no statement per invoice");
        List<Receivable> sorted = new ArrayList<>(many.result());
        sorted.sort(Receivable.OLDEST_DUE_FIRST);
        assertEquals(sorted, many.result());
        assertTrue(millis < 10_000, "10,000 invoices took " + millis + " ms");
    }

    @Test
    void openForPagesTheOpenInvoicesInDueOrderWithTheirTotal() {
        CustomerId customer = aCustomer(db, "R-PAGE").id();
        for (int i = 5; i >= 1; i--) {
            anOpenInvoice(db, customer, "P-" + i, JAN_1, JAN_1.plusDays(i), 100);
        }
        Receivable paid = anOpenInvoice(db, customer, "P-PAID", JAN_1, JAN_1, 100);
        db.run(em -> {
            JpaReceivableRepository receivables = new JpaReceivableRepository(em);
            Receivable settled = receivables.find(paid.id()).orElseThrow();
            settled.apply(usd(100));
            receivables.update(List.of(settled));
        });

        Page<Receivable> first = db.inTransaction(em -> new JpaReceivableRepository(em).openFor(customer,
                new PageRequest(0, 2)));
        Page<Receivable> last = db.inTransaction(em -> new JpaReceivableRepository(em).openFor(customer,
                new PageRequest(2, 2)));

        assertEquals(5, first.total());
        assertEquals(List.of("P-1", "P-2"), first.items().stream().map(Receivable::number).toList());
        assertEquals(List.of("P-5"), last.items().stream().map(Receivable::number).toList());
        assertEquals(2, last.page());
        assertEquals(2, last.size());
    }

    @Test
    void existingNumbersNamesOnlyThisCustomersNumbersAmongThoseAsked() {
        CustomerId customer = aCustomer(db, "R-NUM").id();
        CustomerId other = aCustomer(db, "R-NUM-OTHER").id();
        anOpenInvoice(db, customer, "N-1", JAN_1, JAN_1, 100);
        anOpenInvoice(db, customer, "N-2", JAN_1, JAN_1, 100);
        anOpenInvoice(db, other, "N-3", JAN_1, JAN_1, 100);
        List<String> asked = new ArrayList<>(List.of("N-2", "N-3", "N-4", "N-1"));
        for (int i = 0; i < 1_200; i++) {
            asked.add("MANY-" + i); // more than Oracle's 1,000 expressions per IN list
        }

        List<String> existing = db.inTransaction(em -> new JpaReceivableRepository(em)
                .existingNumbers(customer, asked));

        assertEquals(List.of("N-1", "N-2"), existing);
        assertTrue(db.inTransaction(em -> new JpaReceivableRepository(em).existingNumbers(customer, List.of()))
                .isEmpty());
    }

    @Test
    void theDatabaseRefusesASecondInvoiceWithTheSameNumberForOneCustomer() {
        CustomerId customer = aCustomer(db, "R-DUP").id();
        anOpenInvoice(db, customer, "DUP-1", JAN_1, JAN_1, 100);

        assertThrows(RuntimeException.class, () -> anOpenInvoice(db, customer, "DUP-1", JAN_1, JAN_1, 200));
        assertEquals(1, db.inTransaction(em -> new JpaReceivableRepository(em).allOpenFor(customer)).size());
    }
}
