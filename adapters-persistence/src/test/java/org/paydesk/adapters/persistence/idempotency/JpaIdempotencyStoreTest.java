package org.paydesk.adapters.persistence.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.idempotency.port.out.IdempotencyRecord;

/** The store's logic on real EclipseLink and H2, each call in its own (resource-local) transaction. */
class JpaIdempotencyStoreTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private static TestDatabase db;
    private static ResourceLocalTransactions transactions;
    private static JpaIdempotencyStore store;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated();
        transactions = new ResourceLocalTransactions(db);
        store = new JpaIdempotencyStore(transactions);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theFirstInsertOfAKeyWinsAndTheSecondIsToldItExists() {
        assertTrue(store.insertIfAbsent("alice POST /payments", "k-1", "fp-1", T0));
        assertFalse(store.insertIfAbsent("alice POST /payments", "k-1", "fp-other", T0.plusSeconds(1)));

        IdempotencyRecord record = store.find("alice POST /payments", "k-1").orElseThrow();
        assertEquals("fp-1", record.fingerprint(), "the loser changed nothing");
        assertEquals(T0, record.lockedAt());
        assertFalse(record.completed());
    }

    @Test
    void aKeyClaimedAndAnsweredWithinTheCallersTransactionsIsReplayable() {
        store.insertWithin("carol POST /payments", "k-within", "fp-w", T0);
        assertFalse(store.find("carol POST /payments", "k-within").orElseThrow().completed());
        assertFalse(store.insertIfAbsent("carol POST /payments", "k-within", "fp-w", T0), "the key is taken");

        store.completeWithin("carol POST /payments", "k-within",
                new StoredResponse(201, "application/json", "/api/v1/payments/9", "{\"id\":9}"), T0.plusSeconds(1));

        IdempotencyRecord record = store.find("carol POST /payments", "k-within").orElseThrow();
        assertTrue(record.completed());
        assertEquals("{\"id\":9}", record.response().body());
        assertEquals(201, record.response().status());
    }

    @Test
    void theSameKeyInAnotherScopeIsAnotherRecord() {
        assertTrue(store.insertIfAbsent("alice POST /payments", "k-scoped", "fp", T0));
        assertTrue(store.insertIfAbsent("bob POST /payments", "k-scoped", "fp", T0));
    }

    @Test
    void ofManyConcurrentInsertsOfOneKeyExactlyOneWins() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String fingerprint = "fp-" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return store.insertIfAbsent("race POST /payments", "k-race", fingerprint, T0);
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0; // no caller may get an exception instead of an answer
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyInsertedByAnotherRequestAfterOurCheckMakesUsLoseWithoutAnError() throws Exception {
        // The other request has inserted (not yet committed) when we look, so our check sees nothing and our insert
        // waits on the unique index; it fails as a duplicate once the other commits.
        EntityManager other = db.factory().createEntityManager();
        other.getTransaction().begin();
        other.persist(new IdempotencyRecordEntity("hank POST /payments", "k-late", "fp-other", T0));
        other.flush();
        ExecutorService committer = Executors.newSingleThreadExecutor();
        int failedBefore = transactions.failed();
        try {
            Future<?> commit = committer.submit(() -> {
                Thread.sleep(300);
                other.getTransaction().commit();
                return null;
            });

            boolean inserted = store.insertIfAbsent("hank POST /payments", "k-late", "fp-mine", T0);

            commit.get();
            assertFalse(inserted);
            assertEquals(failedBefore + 1, transactions.failed(), "our insert really hit the unique constraint");
            assertEquals("fp-other", store.find("hank POST /payments", "k-late").orElseThrow().fingerprint());
        } finally {
            committer.shutdownNow();
            other.close();
        }
    }

    @Test
    void aFailedInsertThatIsNotADuplicateIsReportedNotSwallowed() {
        String tooLongScope = "s".repeat(301);

        assertThrows(RuntimeException.class, () -> store.insertIfAbsent(tooLongScope, "k-long", "fp", T0));
        assertTrue(store.find(tooLongScope, "k-long").isEmpty());
    }

    @Test
    void aRunningRecordIsTakenOverOnlyOnceItsHolderIsStale() {
        store.insertIfAbsent("carol POST /payments", "k-stale", "fp", T0);

        assertFalse(store.takeOver("carol POST /payments", "k-stale", T0.minus(LEASE), T0.plusSeconds(5)),
                "the holder locked it after the stale limit");
        Instant takenAt = T0.plus(LEASE).plusSeconds(1);
        assertTrue(store.takeOver("carol POST /payments", "k-stale", takenAt.minus(LEASE), takenAt));
        assertEquals(takenAt, store.find("carol POST /payments", "k-stale").orElseThrow().lockedAt());
        assertFalse(store.takeOver("carol POST /payments", "k-stale", takenAt.minus(LEASE), takenAt),
                "a second caller with the same view loses: the first one renewed the lock");
        assertFalse(store.takeOver("carol POST /payments", "k-absent", takenAt, takenAt));
    }

    @Test
    void aCompletedRecordIsNeverTakenOverAndReplaysItsResponseWhole() {
        store.insertIfAbsent("dave POST /payments", "k-done", "fp", T0);
        String body = "{\"id\":\"1\",\"note\":\"" + "ü€".repeat(10_000) + "\"}";
        StoredResponse response = new StoredResponse(201, "application/json", "/api/v1/payments/1", body);

        store.complete("dave POST /payments", "k-done", response, T0.plusSeconds(1));

        IdempotencyRecord record = store.find("dave POST /payments", "k-done").orElseThrow();
        assertTrue(record.completed());
        assertEquals(response, record.response());
        Instant muchLater = T0.plus(Duration.ofDays(1));
        assertFalse(store.takeOver("dave POST /payments", "k-done", muchLater, muchLater));
    }

    @Test
    void aResponseWithoutLocationOrBodyComesBackAsStored() {
        store.insertIfAbsent("erin POST /payments", "k-empty", "fp", T0);
        StoredResponse response = new StoredResponse(204, "", null, "");

        store.complete("erin POST /payments", "k-empty", response, T0.plusSeconds(1));

        IdempotencyRecord record = store.find("erin POST /payments", "k-empty").orElseThrow();
        assertEquals(response, record.response());
        assertNull(record.response().location());
    }

    @Test
    void aDeletedKeyIsGoneAndCanBeClaimedAgain() {
        store.insertIfAbsent("frank POST /payments", "k-del", "fp", T0);

        store.delete("frank POST /payments", "k-del");

        assertTrue(store.find("frank POST /payments", "k-del").isEmpty());
        assertTrue(store.insertIfAbsent("frank POST /payments", "k-del", "fp-2", T0.plusSeconds(1)));
    }

    @Test
    void completingAKeyThatNoLongerExistsChangesNothing() {
        store.complete("gina POST /payments", "k-none", new StoredResponse(200, "text/plain", null, "ok"), T0);

        assertTrue(store.find("gina POST /payments", "k-none").isEmpty());
    }
}
