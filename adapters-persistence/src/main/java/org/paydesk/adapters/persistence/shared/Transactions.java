package org.paydesk.adapters.persistence.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * Runs a repository's work in the transaction its port method promises, each kind through this bean's CDI proxy so
 * the interceptor applies (a call inside the repository itself would bypass it).
 *
 * <p>{@code REQUIRES_NEW} work has ended, committed or rolled back, when this returns: a unique-constraint violation at
 * flush marks a JTA transaction rollback-only, so a store that must recover from one (the idempotency store) looks at
 * the outcome only after its own transaction is over; work that must be visible to other nodes before anything else
 * happens (a reconciliation check taken) commits first. Tests in Java SE substitute resource-local versions.
 */
@ApplicationScoped
public class Transactions {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    /** Runs the work in a transaction of its own, committed before this returns. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Runs the work in the caller's transaction, which must exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T inCallersTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Runs the work in the caller's transaction, or in one of its own (committed before this returns) if none. */
    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T inAnyTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Reads, in the caller's transaction if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T reading(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
