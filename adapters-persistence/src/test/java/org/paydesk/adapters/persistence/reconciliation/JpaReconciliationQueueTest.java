package org.paydesk.adapters.persistence.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;

import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.shared.Transactions;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.payment.port.out.FollowUp.Subject;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;

/**
 * The reconciliation queue on real EclipseLink and H2 as the embedded default runs it (the subclass: in Oracle mode),
 * each method in the transaction the container would give it.
 */
class JpaReconciliationQueueTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private TestDatabase db;
    private ResourceLocalReconciliationTransactions transactions;
    private JpaReconciliationQueue queue;

    /** A fresh database for each test: the queue is shared, so one test's rows would be due in another's. */
    TestDatabase database() {
        return TestDatabase.h2();
    }

    @BeforeEach
    void migrate() {
        db = database();
        db.migrate();
        transactions = new ResourceLocalReconciliationTransactions(db);
        queue = new JpaReconciliationQueue(transactions);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOpenedFollowUpIsDueAtItsTimeWithNoAttemptsYet() {
        open(Subject.PAYMENT, 7, T0, T0.plusSeconds(5));

        assertEquals(List.of(), queue.takeDue(T0.plusSeconds(5).minusNanos(1), T0.plus(LEASE), 10),
                "not due before its time");
        List<FollowUp> taken = queue.takeDue(T0.plusSeconds(5), T0.plusSeconds(5).plus(LEASE), 10);

        assertEquals(List.of(new FollowUp(Subject.PAYMENT, 7, 0, T0, T0.plusSeconds(5).plus(LEASE), null)), taken,
                "opened at T0 to the nanosecond, now due at the lease's end");
    }

    @Test
    void openingAFollowUpThatIsOpenChangesNothingButAnotherSubjectIsAnotherFollowUp() {
        open(Subject.PAYMENT, 7, T0, T0.plusSeconds(5));
        open(Subject.PAYMENT, 7, T0.plusSeconds(1), T0.plusSeconds(1));
        open(Subject.REFUND, 7, T0.plusSeconds(2), T0.plusSeconds(2));

        Page<FollowUp> all = queue.unresolved(0, new PageRequest(0, 10));

        assertEquals(2, all.total());
        assertEquals(new FollowUp(Subject.PAYMENT, 7, 0, T0, T0.plusSeconds(5), null), all.items().get(0),
                "the open follow-up kept its time and schedule");
        assertEquals(Subject.REFUND, all.items().get(1).subject());
    }

    @Test
    void openingAndClosingOnlyEverJoinTheCallersTransaction() throws NoSuchMethodException {
        assertThrows(TransactionRequiredException.class, () -> queue.open(Subject.PAYMENT, 1, T0, T0));
        assertThrows(RuntimeException.class, () -> transactions.asCaller(em -> {
            queue.open(Subject.PAYMENT, 2, T0, T0);
            throw new IllegalStateException("the change that made the payment unsettled failed");
        }));
        assertEquals(0, queue.unresolved(0, new PageRequest(0, 10)).total(), "no follow-up of a change undone");

        open(Subject.PAYMENT, 3, T0, T0);
        assertThrows(TransactionRequiredException.class, () -> queue.close(Subject.PAYMENT, 3));
        assertThrows(RuntimeException.class, () -> transactions.asCaller(em -> {
            queue.close(Subject.PAYMENT, 3);
            throw new IllegalStateException("the settlement failed");
        }));
        assertEquals(1, queue.unresolved(0, new PageRequest(0, 10)).total(), "still open: the settlement was undone");

        assertEquals(TxType.MANDATORY, txType("inCallersTransaction"));
        assertEquals(TxType.REQUIRES_NEW, txType("inNewTransaction"));
        assertEquals(TxType.REQUIRED, txType("inAnyTransaction"));
        assertEquals(TxType.SUPPORTS, txType("reading"));
    }

    @Test
    void takeDueTakesOnlyDueFollowUpsOldestDueFirstUpToTheLimitAndLeasesThem() {
        open(Subject.PAYMENT, 1, T0, T0.plusSeconds(1));
        open(Subject.PAYMENT, 2, T0, T0.plusSeconds(3));
        open(Subject.REFUND, 3, T0, T0.plusSeconds(2));
        open(Subject.PAYMENT, 4, T0, T0.plusSeconds(100));
        Instant now = T0.plusSeconds(10);

        assertEquals(List.of(1L, 3L), subjectIds(queue.takeDue(now, T0.plusSeconds(70), 2)),
                "the two due first");
        assertEquals(List.of(2L), subjectIds(queue.takeDue(now, T0.plusSeconds(75), 10)),
                "the taken ones are not due again, the one not yet due is left");
        assertEquals(List.of(), queue.takeDue(T0.plusSeconds(70).minusNanos(1), T0.plusSeconds(130), 10),
                "nothing is due again before its lease ends");

        List<FollowUp> again = queue.takeDue(T0.plusSeconds(75), T0.plusSeconds(135), 10);
        assertEquals(List.of(1L, 3L, 2L), subjectIds(again), "a lease that ran out makes it due again, in due order");
        assertTrue(again.stream().allMatch(f -> f.dueAt().equals(T0.plusSeconds(135)) && f.attempts() == 0));
        assertEquals(List.of(4L), subjectIds(queue.takeDue(T0.plusSeconds(100), T0.plusSeconds(160), 10)));
    }

    @Test
    void takeDueCommitsOnItsOwnWhateverTheCallersTransactionDoes() {
        open(Subject.PAYMENT, 1, T0, T0);
        int before = transactions.ownTransactions();

        assertThrows(RuntimeException.class, () -> transactions.asCaller(em -> {
            assertEquals(1, queue.takeDue(T0, T0.plus(LEASE), 10).size());
            throw new IllegalStateException("the caller fails after taking");
        }));

        assertEquals(before + 1, transactions.ownTransactions());
        assertEquals(List.of(), queue.takeDue(T0.plusSeconds(1), T0.plus(LEASE), 10), "the lease stayed taken");
    }

    @Test
    void takeDueWithNothingToTakeOrALeaseThatEndsAtOnceTakesNothing() {
        open(Subject.PAYMENT, 1, T0, T0);

        assertEquals(List.of(), queue.takeDue(T0, T0.plus(LEASE), 0));
        assertThrows(IllegalArgumentException.class, () -> queue.takeDue(T0, T0, 10));
        assertThrows(IllegalArgumentException.class, () -> queue.takeDue(T0, T0.minusSeconds(1), 10));

        assertEquals(1, queue.takeDue(T0, T0.plus(LEASE), 10).size(), "still due: nothing took it");
    }

    @Test
    void ofNodesTakingAtTheSameTimeEachFollowUpGoesToExactlyOne() throws Exception {
        int subjects = 30;
        transactions.asCaller(em -> {
            LongStream.rangeClosed(1, subjects).forEach(id -> queue.open(Subject.PAYMENT, id, T0, T0));
            return null;
        });
        int nodes = 6;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<FollowUp>>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<List<FollowUp>> node = () -> {
                    start.await();
                    return queue.takeDue(T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE), 10);
                };
                results.add(pool.submit(node));
            }
            start.countDown();
            List<Long> taken = new ArrayList<>();
            for (Future<List<FollowUp>> result : results) {
                taken.addAll(subjectIds(result.get())); // no node may fail instead of answering
            }
            taken.addAll(subjectIds(queue.takeDue(T0.plusSeconds(2), T0.plusSeconds(2).plus(LEASE), subjects)));

            assertEquals(subjects, taken.size(), "taken twice: " + taken);
            assertEquals(subjects, new HashSet<>(taken).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rescheduleCountsTheAttemptAndSetsTheNextCheckInOrOutsideATransaction() {
        open(Subject.REFUND, 5, T0, T0);
        queue.takeDue(T0, T0.plus(LEASE), 10);
        int before = transactions.ownTransactions();

        queue.reschedule(Subject.REFUND, 5, T0.plusSeconds(300), "processing at the processor");

        assertEquals(before + 1, transactions.ownTransactions(), "without a caller's transaction, in one of its own");
        FollowUp once = only();
        assertEquals(1, once.attempts());
        assertEquals(T0.plusSeconds(300), once.dueAt());
        assertEquals("processing at the processor", once.lastResult());
        assertEquals(T0, once.since());

        transactions.asCaller(em -> {
            queue.reschedule(Subject.REFUND, 5, T0.plusSeconds(900), "r".repeat(700));
            return null;
        });
        assertEquals(before + 1, transactions.ownTransactions(), "within the caller's transaction");
        FollowUp twice = only();
        assertEquals(2, twice.attempts());
        assertEquals(T0.plusSeconds(900), twice.dueAt());
        assertEquals("r".repeat(JpaReconciliationQueue.RESULT_WIDTH), twice.lastResult());
        assertEquals(List.of(), queue.takeDue(T0.plusSeconds(899), T0.plusSeconds(960), 10));

        assertThrows(RuntimeException.class, () -> transactions.asCaller(em -> {
            queue.reschedule(Subject.REFUND, 5, T0.plusSeconds(1_000), "undone");
            throw new IllegalStateException("the caller fails");
        }));
        assertEquals(2, only().attempts(), "rolled back with the caller's transaction");
    }

    @Test
    void aClosedFollowUpIsGoneAndAReportedCheckDoesNotReopenIt() {
        open(Subject.PAYMENT, 1, T0, T0);
        open(Subject.PAYMENT, 2, T0, T0);

        transactions.asCaller(em -> {
            queue.close(Subject.PAYMENT, 1);
            queue.close(Subject.PAYMENT, 99); // none open: nothing to do
            queue.close(Subject.REFUND, 2); // another subject
            return null;
        });
        queue.reschedule(Subject.PAYMENT, 1, T0.plusSeconds(60), "late report of a check");

        assertEquals(List.of(2L), subjectIds(queue.unresolved(0, new PageRequest(0, 10)).items()));
        assertEquals(List.of(2L), subjectIds(queue.takeDue(T0.plusSeconds(60), T0.plusSeconds(120), 10)));
        open(Subject.PAYMENT, 1, T0.plusSeconds(61), T0.plusSeconds(61));
        assertEquals(0, only(1).attempts(), "opened again, it starts anew");
    }

    @Test
    void unresolvedListsFollowUpsCheckedOftenEnoughOldestFirstPageByPage() {
        // subject id -> (opened after T0 in seconds, attempts)
        long[][] rows = {{1, 5, 0}, {2, 1, 1}, {3, 3, 2}, {4, 2, 3}, {5, 4, 2}};
        for (long[] row : rows) {
            open(Subject.PAYMENT, row[0], T0.plusSeconds(row[1]), T0.plusSeconds(3_600));
            for (int i = 0; i < row[2]; i++) {
                queue.reschedule(Subject.PAYMENT, row[0], T0.plusSeconds(3_600), "attempt " + (i + 1));
            }
        }

        Page<FollowUp> first = queue.unresolved(2, new PageRequest(0, 2));
        assertEquals(3, first.total());
        assertEquals(List.of(4L, 3L), subjectIds(first.items()), "oldest first among those checked twice or more");
        assertEquals("attempt 3", first.items().get(0).lastResult());
        assertEquals(T0.plusSeconds(2), first.items().get(0).since());
        Page<FollowUp> second = queue.unresolved(2, new PageRequest(1, 2));
        assertEquals(List.of(5L), subjectIds(second.items()));
        assertEquals(3, second.total());
        assertEquals(1, second.page());
        assertEquals(List.of(2L, 4L, 3L, 5L, 1L), subjectIds(queue.unresolved(0, new PageRequest(0, 10)).items()));
        assertEquals(0, queue.unresolved(4, new PageRequest(0, 10)).total());
        assertNull(only(1).lastResult());
    }

    private void open(Subject subject, long id, Instant now, Instant dueAt) {
        transactions.asCaller(em -> {
            queue.open(subject, id, now, dueAt);
            return null;
        });
    }

    private FollowUp only() {
        List<FollowUp> all = queue.unresolved(0, new PageRequest(0, 10)).items();
        assertEquals(1, all.size());
        return all.get(0);
    }

    private FollowUp only(long subjectId) {
        return queue.unresolved(0, new PageRequest(0, 100)).items().stream()
                .filter(followUp -> followUp.subjectId() == subjectId).findFirst().orElseThrow();
    }

    private static List<Long> subjectIds(List<FollowUp> followUps) {
        return followUps.stream().map(FollowUp::subjectId).toList();
    }

    private static TxType txType(String method) throws NoSuchMethodException {
        return Transactions.class.getMethod(method, Function.class).getAnnotation(Transactional.class)
                .value();
    }
}
