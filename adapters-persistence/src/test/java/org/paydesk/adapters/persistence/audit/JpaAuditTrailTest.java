package org.paydesk.adapters.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.paydesk.adapters.persistence.testing.Fixtures.T0;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paydesk.adapters.persistence.testing.TestDatabase;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.port.out.AuditEntry;

class JpaAuditTrailTest {

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
    void anEntryIsStoredWithWhoWhatWhenOutcomeAndWhereFrom() {
        db.run(em -> new JpaAuditTrail(em).record(new AuditEntry(T0, new Actor("cashier.ann", "203.0.113.7"),
                "payment.submitted", "payment", "101", "ok", "USD 125.50 by CARD")));

        AuditRecordEntity record = only("101");
        assertEquals(T0, record.occurredAt());
        assertEquals("cashier.ann", record.actor());
        assertEquals("203.0.113.7", record.origin());
        assertEquals("payment.submitted", record.action());
        assertEquals("payment", record.subjectType());
        assertEquals("ok", record.outcome());
        assertEquals("USD 125.50 by CARD", record.detail());
    }

    @Test
    void anEntryOfATransactionThatRollsBackDisappearsWithIt() {
        EntityManager em = db.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            new JpaAuditTrail(em).record(new AuditEntry(T0, Actor.system("reconciler"), "payment.succeeded",
                    "payment", "202", "ok", null));
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertEquals(List.of(), records("202"));
    }

    @Test
    void textsLongerThanTheirColumnsAreShortenedRatherThanFailingTheChange() {
        String detail = "d".repeat(800);
        String actor = "a".repeat(300);

        db.run(em -> new JpaAuditTrail(em).record(new AuditEntry(T0, new Actor(actor, "internal"),
                "receivables.imported", "customer", "303", "ok", detail)));

        AuditRecordEntity record = only("303");
        assertEquals(detail.substring(0, 500), record.detail());
        assertEquals(actor.substring(0, 255), record.actor());
    }

    @Test
    void anEntryWithoutDetailIsStoredWithoutOne() {
        db.run(em -> new JpaAuditTrail(em).record(new AuditEntry(T0, Actor.system("webhook"), "payment.failed",
                "payment", "404", "declined", null)));

        assertNull(only("404").detail());
        assertEquals("system:webhook", only("404").actor());
    }

    private static AuditRecordEntity only(String subjectId) {
        List<AuditRecordEntity> found = records(subjectId);
        assertEquals(1, found.size());
        return found.get(0);
    }

    private static List<AuditRecordEntity> records(String subjectId) {
        return db.inTransaction(em -> em.createQuery(
                        "SELECT a FROM AuditRecordEntity a WHERE a.subjectId = :id", AuditRecordEntity.class)
                .setParameter("id", subjectId)
                .getResultList());
    }

    @Test
    void aSubjectsRecordsAreReadOldestFirstWithTheirActorsAndNothingAboutOtherSubjects() {
        Actor cashier = new Actor("cashier.ann", "203.0.113.7");
        db.run(em -> {
            JpaAuditTrail trail = new JpaAuditTrail(em);
            trail.record(new AuditEntry(T0.plusSeconds(5), Actor.system("stripe-webhook"), "payment.succeeded",
                    "payment", "505", "ok", "Succeeded"));
            trail.record(new AuditEntry(T0, cashier, "payment.submitted", "payment", "505", "ok", "USD 10.00"));
            trail.record(new AuditEntry(T0.plusSeconds(5), cashier, "refund.requested", "payment", "505", "ok",
                    null));
            trail.record(new AuditEntry(T0, cashier, "payment.submitted", "payment", "5050", "ok", null));
            trail.record(new AuditEntry(T0, cashier, "customer.registered", "customer", "505", "ok", null));
        });

        List<AuditEntry> about = db.inTransaction(em -> new JpaAuditTrail(em).about("payment", "505"));

        assertEquals(List.of("payment.submitted", "payment.succeeded", "refund.requested"),
                about.stream().map(AuditEntry::action).toList(), "by time, then in the order written");
        assertEquals(new AuditEntry(T0, cashier, "payment.submitted", "payment", "505", "ok", "USD 10.00"),
                about.get(0));
        assertEquals(Actor.system("stripe-webhook"), about.get(1).actor());
        assertEquals(List.of(), db.inTransaction(em -> new JpaAuditTrail(em).about("payment", "999")));
    }
}
