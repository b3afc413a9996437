package org.paydesk.adapters.persistence.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.notification.Notification;
import org.paydesk.application.notification.port.out.OutboxEntry;

/** The outbox on real EclipseLink and H2; each call runs in a transaction of its own, as the container runs it. */
class JpaOutboxTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Map<String, String> VALUES = Map.of(
            "customerName", "Müller & Söhne = \"Acme\"",
            "requestedBy", "cashier.ann",
            "linkPath", "/pay/methods/Zm9v-YmFy_c2VjcmV0",
            "expiresAt", "2026-11-29T14:15:30.123456789Z");

    private TestDatabase db;

    @BeforeEach
    void migrate() {
        db = TestDatabase.migrated();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEnqueuedNotificationIsDueAtOnceWithItsValuesIntact() {
        enqueue(notification("ann@acme.example"), T0);

        List<OutboxEntry> due = due(T0, 10);

        assertEquals(1, due.size());
        OutboxEntry entry = due.get(0);
        assertEquals(0, entry.attempts());
        assertEquals(Notification.PAYMENT_METHOD_REQUEST, entry.notification().kind());
        assertEquals("ann@acme.example", entry.notification().recipient());
        assertEquals(VALUES, entry.notification().values());
        MailOutboxEntity row = row(entry.id());
        assertEquals(T0, row.createdAt(), "to the nanosecond, in UTC");
        assertEquals(T0, row.nextAttemptAt());
        assertNull(row.leaseUntil());
        assertNull(row.sentAt());
        assertTrue(due(T0.minusNanos(1), 10).isEmpty(), "nothing is due before it was enqueued");
    }

    @Test
    void enqueueRefusesToRunOutsideATransaction() {
        EntityManager em = db.factory().createEntityManager();
        try {
            assertThrows(IllegalStateException.class,
                    () -> new JpaOutbox(em).enqueue(notification("ann@acme.example"), T0));
        } finally {
            em.close();
        }
        assertEquals(0, backlog());
    }

    @Test
    void enqueueJoinsTheCallersTransactionAndTheDeliveryStepsRunInTheirOwn() throws NoSuchMethodException {
        assertEquals(TxType.MANDATORY, txType("enqueue", Notification.class, Instant.class));
        assertEquals(TxType.REQUIRES_NEW, txType("claim", long.class, Instant.class, Instant.class));
        assertEquals(TxType.REQUIRES_NEW, txType("markSent", long.class, Instant.class));
        assertEquals(TxType.REQUIRES_NEW, txType("markFailed", long.class, Instant.class, Instant.class,
                String.class));
    }

    @Test
    void aNotificationOfATransactionThatRollsBackIsNeverSent() {
        EntityManager em = db.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            new JpaOutbox(em).enqueue(notification("ann@acme.example"), T0);
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertTrue(due(T0.plusSeconds(1), 10).isEmpty());
        assertEquals(0, backlog());
    }

    @Test
    void dueListsUnsentEntriesOldestFirstUpToTheLimit() {
        enqueue(notification("second@acme.example"), T0.plusSeconds(2));
        enqueue(notification("first@acme.example"), T0.plusSeconds(1));
        enqueue(notification("third@acme.example"), T0.plusSeconds(3));
        enqueue(notification("later@acme.example"), T0.plusSeconds(60));

        List<String> recipients = due(T0.plusSeconds(10), 10).stream()
                .map(entry -> entry.notification().recipient()).toList();

        assertEquals(List.of("first@acme.example", "second@acme.example", "third@acme.example"), recipients);
        assertEquals(2, due(T0.plusSeconds(10), 2).size());
        assertEquals(List.of(), due(T0.plusSeconds(10), 0));
    }

    @Test
    void aClaimedEntryCannotBeClaimedAgainUntilItsLeaseRunsOut() {
        long id = enqueueOne(T0);

        assertTrue(claim(id, T0, T0.plus(LEASE)));
        assertFalse(claim(id, T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE)), "another deliverer holds it");
        assertTrue(due(T0.plusSeconds(30), 10).isEmpty(), "a leased entry is not due");

        Instant afterLease = T0.plus(LEASE).plusNanos(1);
        assertEquals(1, due(afterLease, 10).size(), "a deliverer that died leaves it due again");
        assertTrue(claim(id, afterLease, afterLease.plus(LEASE)), "an expired lease can be claimed again");
        assertEquals(afterLease.plus(LEASE), row(id).leaseUntil());
    }

    @Test
    void ofManyConcurrentClaimsOfOneEntryExactlyOneWins() throws Exception {
        long id = enqueueOne(T0);
        int deliverers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliverers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < deliverers; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return claim(id, T0.plusSeconds(1), T0.plusSeconds(1).plus(LEASE));
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSentEntryIsKeptWithoutItsValuesAndIsNeverDueOrClaimedAgain() {
        long id = enqueueOne(T0);
        claim(id, T0, T0.plus(LEASE));

        db.run(em -> new JpaOutbox(em).markSent(id, T0.plusSeconds(2)));

        MailOutboxEntity row = row(id);
        assertEquals(T0.plusSeconds(2), row.sentAt());
        assertNull(row.templateValues(), "the values can hold a link's secret: erased once sent");
        assertNull(row.leaseUntil());
        assertEquals("ann@acme.example", row.recipient(), "the record of what was sent to whom stays");
        Instant muchLater = T0.plus(Duration.ofDays(1));
        assertTrue(due(muchLater, 10).isEmpty());
        assertFalse(claim(id, muchLater, muchLater.plus(LEASE)));
        assertEquals(0, backlog());
    }

    @Test
    void aFailedDeliverySchedulesTheRetryCountsTheAttemptAndReleasesTheLease() {
        long id = enqueueOne(T0);
        claim(id, T0, T0.plus(LEASE));
        Instant retryAt = T0.plusSeconds(4);

        db.run(em -> new JpaOutbox(em).markFailed(id, T0.plusSeconds(1), retryAt, "connection refused: smtp:25"));

        MailOutboxEntity row = row(id);
        assertEquals(1, row.attempts());
        assertEquals(retryAt, row.nextAttemptAt());
        assertNull(row.leaseUntil());
        assertEquals("connection refused: smtp:25", row.lastError());
        assertEquals(VALUES, TemplateValues.decode(row.templateValues()), "kept for the retry");
        assertTrue(due(retryAt.minusNanos(1), 10).isEmpty(), "not due before the retry time");
        assertFalse(claim(id, retryAt.minusNanos(1), retryAt.plus(LEASE)),
                "nor claimable by a deliverer that read it as due before the failure");
        List<OutboxEntry> due = due(retryAt, 10);
        assertEquals(1, due.size());
        assertEquals(1, due.get(0).attempts());

        assertTrue(claim(id, retryAt, retryAt.plus(LEASE)));
        db.run(em -> new JpaOutbox(em).markFailed(id, retryAt, retryAt.plusSeconds(8), "again"));
        assertEquals(2, row(id).attempts());
        assertEquals("again", row(id).lastError());
    }

    @Test
    void aLongErrorIsShortenedToItsColumnAndANullErrorIsStoredAsNone() {
        long id = enqueueOne(T0);
        String error = "e".repeat(2_000);

        db.run(em -> new JpaOutbox(em).markFailed(id, T0, T0.plusSeconds(2), error));
        assertEquals(error.substring(0, JpaOutbox.ERROR_WIDTH), row(id).lastError());

        db.run(em -> new JpaOutbox(em).markFailed(id, T0, T0.plusSeconds(4), null));
        assertNull(row(id).lastError());
    }

    @Test
    void aLateFailureReportDoesNotReopenASentEntry() {
        long id = enqueueOne(T0);
        db.run(em -> new JpaOutbox(em).markSent(id, T0.plusSeconds(1)));

        db.run(em -> new JpaOutbox(em).markFailed(id, T0.plusSeconds(2), T0.plusSeconds(3), "timeout"));

        MailOutboxEntity row = row(id);
        assertEquals(T0.plusSeconds(1), row.sentAt());
        assertEquals(0, row.attempts());
        assertNull(row.lastError());
    }

    @Test
    void theBacklogCountsEveryUnsentEntryDueOrNot() {
        long sent = enqueueOne(T0);
        long failed = enqueueOne(T0);
        enqueueOne(T0.plusSeconds(1));
        db.run(em -> new JpaOutbox(em).markSent(sent, T0.plusSeconds(1)));
        db.run(em -> new JpaOutbox(em).markFailed(failed, T0.plusSeconds(1), T0.plus(Duration.ofHours(1)), "down"));

        assertEquals(2, backlog());
    }

    @Test
    void aNotificationWithoutValuesComesBackWithoutValues() {
        enqueue(new Notification("test-mail", "ops@paydesk.example", Map.of()), T0);

        assertEquals(Map.of(), due(T0, 1).get(0).notification().values());
    }

    private static Notification notification(String recipient) {
        return new Notification(Notification.PAYMENT_METHOD_REQUEST, recipient, VALUES);
    }

    private void enqueue(Notification notification, Instant at) {
        db.run(em -> new JpaOutbox(em).enqueue(notification, at));
    }

    /** Enqueues one entry for ann and returns its id. */
    private long enqueueOne(Instant at) {
        return db.inTransaction(em -> {
            new JpaOutbox(em).enqueue(notification("ann@acme.example"), at);
            em.flush();
            return em.createQuery("SELECT MAX(e.id) FROM MailOutboxEntity e", Long.class).getSingleResult();
        });
    }

    private List<OutboxEntry> due(Instant now, int limit) {
        return db.inTransaction(em -> new JpaOutbox(em).due(now, limit));
    }

    private boolean claim(long id, Instant now, Instant leaseUntil) {
        return db.inTransaction(em -> new JpaOutbox(em).claim(id, now, leaseUntil));
    }

    private long backlog() {
        return db.inTransaction(em -> new JpaOutbox(em).backlog());
    }

    private MailOutboxEntity row(long id) {
        return db.inTransaction(em -> em.find(MailOutboxEntity.class, id));
    }

    private static TxType txType(String method, Class<?>... parameters) throws NoSuchMethodException {
        return JpaOutbox.class.getMethod(method, parameters).getAnnotation(Transactional.class).value();
    }
}
