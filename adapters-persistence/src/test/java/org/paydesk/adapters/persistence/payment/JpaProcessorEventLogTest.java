package org.paydesk.adapters.persistence.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.payment.port.out.ProcessorEvent;

/** The log of applied processor events on real EclipseLink and H2, each call in the caller's own transaction. */
class JpaProcessorEventLogTest {

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
    void theFirstRecordingOfAnEventWinsAndARedeliveryIsToldItWasApplied() {
        ProcessorEvent event = event("evt_first");
        assertFalse(contains("evt_first"));

        assertTrue(record(event, "applied", T0));
        assertTrue(contains("evt_first"));
        assertFalse(record(event, "again", T0.plusSeconds(5)));

        ProcessorEventEntity row = row("evt_first");
        assertEquals("payment_intent.succeeded", row.eventType());
        assertEquals(ProcessorEvent.Kind.PAYMENT_CHANGED, row.eventKind());
        assertEquals("pi_123", row.paymentReference());
        assertEquals("applied", row.outcome(), "the redelivery changed nothing");
        assertEquals(T0, row.receivedAt(), "to the nanosecond, in UTC");
    }

    @Test
    void anEventOfATransactionThatRollsBackCountsAsNotApplied() {
        EntityManager em = db.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            assertTrue(new JpaProcessorEventLog(em).recordFirst(event("evt_rolled_back"), "applied", T0));
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertFalse(contains("evt_rolled_back"));
        assertTrue(record(event("evt_rolled_back"), "applied", T0.plusSeconds(1)), "the retry applies it");
    }

    @Test
    void recordingRefusesToRunOutsideATransactionAndTheContainerMakesItJoinTheCallers() throws Exception {
        EntityManager em = db.factory().createEntityManager();
        try {
            assertThrows(IllegalStateException.class,
                    () -> new JpaProcessorEventLog(em).recordFirst(event("evt_no_tx"), "applied", T0));
        } finally {
            em.close();
        }
        assertFalse(contains("evt_no_tx"));
        assertEquals(Transactional.TxType.MANDATORY, JpaProcessorEventLog.class.getMethod("recordFirst",
                ProcessorEvent.class, String.class, Instant.class).getAnnotation(Transactional.class).value());
    }

    @Test
    void aConcurrentRecordingOfTheSameEventLosesAndItsTransactionIsMarkedForRollback() throws Exception {
        // The other delivery has recorded the event (not yet committed) when we look, so our look finds nothing and
        // our insert waits on the primary key; it fails as a duplicate once the other commits.
        EntityManager other = db.factory().createEntityManager();
        other.getTransaction().begin();
        assertTrue(new JpaProcessorEventLog(other).recordFirst(event("evt_race"), "applied by the other", T0));
        ExecutorService committer = Executors.newSingleThreadExecutor();
        EntityManager mine = db.factory().createEntityManager();
        try {
            Future<?> commit = committer.submit(() -> {
                Thread.sleep(300);
                other.getTransaction().commit();
                return null;
            });
            mine.getTransaction().begin();

            boolean recorded = new JpaProcessorEventLog(mine).recordFirst(event("evt_race"), "applied by me",
                    T0.plusSeconds(1));

            commit.get();
            assertFalse(recorded);
            assertTrue(mine.getTransaction().getRollbackOnly(), "the caller's changes must not commit");
            mine.getTransaction().rollback();
            assertEquals("applied by the other", row("evt_race").outcome());
        } finally {
            committer.shutdownNow();
            if (mine.getTransaction().isActive()) {
                mine.getTransaction().rollback();
            }
            mine.close();
            other.close();
        }
    }

    @Test
    void textForPeopleIsShortenedButAnEventIdNeverIs() {
        String longType = "t".repeat(150);
        String longOutcome = "o".repeat(800);
        ProcessorEvent event = new ProcessorEvent("evt_long", longType, ProcessorEvent.Kind.OTHER, null, null, null,
                null);

        assertTrue(record(event, longOutcome, T0));

        ProcessorEventEntity row = row("evt_long");
        assertEquals(longType.substring(0, JpaProcessorEventLog.EVENT_TYPE_WIDTH), row.eventType());
        assertEquals(longOutcome.substring(0, JpaProcessorEventLog.OUTCOME_WIDTH), row.outcome());
        assertNull(row.paymentReference());

        ProcessorEvent longId = new ProcessorEvent("e".repeat(256), "charge.refunded", ProcessorEvent.Kind.OTHER,
                null, null, null, null);
        assertThrows(IllegalArgumentException.class,
                () -> db.run(em -> new JpaProcessorEventLog(em).recordFirst(longId, "applied", T0)));
        assertThrows(IllegalArgumentException.class,
                () -> db.run(em -> new JpaProcessorEventLog(em).recordFirst(event("evt_blank"), " ", T0)),
                "Oracle would store an empty outcome as NULL");
        assertFalse(contains("evt_blank"));
    }

    @Test
    void onlyAUniqueKeyViolationCountsAsRecordedBefore() {
        assertTrue(JpaProcessorEventLog.isUniqueViolation(new RuntimeException(
                new SQLException("Unique index or primary key violation", "23505", 23505))));
        assertTrue(JpaProcessorEventLog.isUniqueViolation(
                new SQLException("ORA-00001: unique constraint violated", "23000", 1)));
        assertFalse(JpaProcessorEventLog.isUniqueViolation(
                new SQLException("NULL not allowed for column", "23502", 23502)));
        assertFalse(JpaProcessorEventLog.isUniqueViolation(
                new SQLException("ORA-01400: cannot insert NULL", "23000", 1400)));
        assertFalse(JpaProcessorEventLog.isUniqueViolation(new SQLException("connection refused", "08001", 0)));
        BatchUpdateException batch = new BatchUpdateException("batch failed", "HY000", 0, new int[0]);
        batch.setNextException(new SQLException("ORA-00001: unique constraint violated", "23000", 1));
        assertTrue(JpaProcessorEventLog.isUniqueViolation(new RuntimeException(batch)));
        assertFalse(JpaProcessorEventLog.isUniqueViolation(new IllegalStateException("no SQL at all")));
    }

    @Test
    void anUnknownOrMissingIdIsNotContained() {
        assertFalse(contains("evt_never_sent"));
        assertFalse(contains(null));
    }

    private static ProcessorEvent event(String id) {
        return new ProcessorEvent(id, "payment_intent.succeeded", ProcessorEvent.Kind.PAYMENT_CHANGED, "pi_123", 42L,
                null, null);
    }

    private static boolean record(ProcessorEvent event, String outcome, Instant at) {
        return db.inTransaction(em -> new JpaProcessorEventLog(em).recordFirst(event, outcome, at));
    }

    private static boolean contains(String id) {
        return db.inTransaction(em -> new JpaProcessorEventLog(em).contains(id));
    }

    private static ProcessorEventEntity row(String id) {
        return db.inTransaction(em -> em.find(ProcessorEventEntity.class, id));
    }
}
