package org.paydesk.adapters.persistence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.application.shared.Actor;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;

/**
 * The audit trail in table {@code audit_record}.
 *
 * <p>Guarantees: a record is written in the caller's transaction ({@code MANDATORY}), so it commits exactly when
 * the change it describes commits and disappears with it on rollback; there is never an audited change without
 * its record, nor a record of a change that did not happen. Records are only ever inserted. Texts longer than
 * their column are shortened rather than failing the business change they describe. {@link #about} reads a subject's
 * records oldest first, ties in the order of their ids (ids grow in the order of writing on one node; across nodes
 * the time decides first).
 */
@ApplicationScoped
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaAuditTrail() {
    }

    /** For callers that manage the entity manager themselves (tests in Java SE). */
    public JpaAuditTrail(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        em.persist(new AuditRecordEntity(entry.at(),
                Columns.truncate(entry.actor().name(), 255),
                Columns.truncate(entry.actor().origin(), 255),
                Columns.truncate(entry.action(), 100),
                Columns.truncate(entry.subjectType(), 50),
                Columns.truncate(entry.subjectId(), 100),
                Columns.truncate(entry.outcome(), 50),
                Columns.truncate(entry.detail(), 500)));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> about(String subjectType, String subjectId) {
        return em.createQuery("SELECT r FROM AuditRecordEntity r WHERE r.subjectType = :type AND r.subjectId = :id"
                        + " ORDER BY r.occurredAt, r.id", AuditRecordEntity.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .getResultList()
                .stream()
                .map(record -> new AuditEntry(record.occurredAt(), new Actor(record.actor(), record.origin()),
                        record.action(), record.subjectType(), record.subjectId(), record.outcome(), record.detail()))
                .toList();
    }
}
