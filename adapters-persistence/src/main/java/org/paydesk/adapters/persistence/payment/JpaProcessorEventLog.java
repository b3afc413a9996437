package org.paydesk.adapters.persistence.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventLog;

/**
 * The processor's events already applied, in table {@code processor_event}, keyed by the processor's event id.
 *
 * <p>Guarantees: {@link #recordFirst} only ever joins the caller's transaction ({@code MANDATORY}, and refused
 * without one), so an event counts as applied exactly when what it changed committed. It inserts and flushes at once:
 * of two transactions recording the same event (a redelivery racing the first delivery, on this node or another),
 * the second one's insert waits on the first one's row and, once that commits, fails on the primary key; that second
 * call returns {@code false} and its transaction is marked for rollback (the JPA provider does so for every failed
 * flush), so the event's changes commit once. Only a unique-key violation is read as "recorded before"; any other
 * failure is thrown. An event id is stored whole or refused, never shortened (a shortened id could match another
 * event); the event's type and the outcome are text for people and are shortened to their columns.
 */
@ApplicationScoped
public class JpaProcessorEventLog implements ProcessorEventLog {

    static final int EVENT_ID_WIDTH = 255;
    static final int EVENT_TYPE_WIDTH = 100;
    static final int REFERENCE_WIDTH = 255;
    static final int OUTCOME_WIDTH = 500;

    /** SQLSTATE of a unique-key violation (H2, and the standard); Oracle says 23000 with its error ORA-00001. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ORACLE_UNIQUE_VIOLATION = 1;

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaProcessorEventLog() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaProcessorEventLog(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean contains(String eventId) {
        if (eventId == null) {
            return false;
        }
        return !em.createQuery("SELECT e.eventId FROM ProcessorEventEntity e WHERE e.eventId = :id", String.class)
                .setParameter("id", eventId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirst(ProcessorEvent event, String outcome, Instant receivedAt) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
        requireText("event id", event.id());
        requireText("event type", event.type());
        requireText("outcome", outcome);
        if (event.id().length() > EVENT_ID_WIDTH) {
            throw new IllegalArgumentException("a processor event id is at most " + EVENT_ID_WIDTH + " characters: "
                    + Columns.truncate(event.id(), 40) + "...");
        }
        if (!em.isJoinedToTransaction()) {
            // The interceptor refuses this in the container already; the check keeps the promise wherever it runs:
            // an event recorded outside the transaction that applies it could be marked applied and never be.
            throw new IllegalStateException("a processor event is recorded only in the transaction that applies it");
        }
        if (em.find(ProcessorEventEntity.class, event.id()) != null) {
            return false;
        }
        em.persist(new ProcessorEventEntity(event.id(), Columns.truncate(event.type(), EVENT_TYPE_WIDTH),
                event.kind(), Columns.truncate(event.paymentReference(), REFERENCE_WIDTH),
                Columns.truncate(outcome, OUTCOME_WIDTH), receivedAt));
        try {
            em.flush(); // a concurrent recording of the same event waits on this row, then fails on pk_processor_event
        } catch (PersistenceException failed) {
            if (isUniqueViolation(failed)) {
                // Recorded by another transaction after our look: ours is marked for rollback, as the port expects.
                return false;
            }
            throw failed;
        }
        return true;
    }

    private static void requireText(String what, String text) {
        // Oracle stores an empty text as NULL, which its NOT NULL column would refuse only at flush.
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // A batched insert reports its statement's error as the batch exception's next exception.
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null;
                    sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())
                        || (sql.getErrorCode() == ORACLE_UNIQUE_VIOLATION && "23000".equals(sql.getSQLState()))) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
