package org.paydesk.adapters.persistence.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * Runs one piece of reconciliation-queue work in the transaction its port method promises, as
 * {@code IdempotencyTransactions} does for the idempotency store.
 *
 * <p>A separate bean so that each kind of transaction is an interceptor's business, through this bean's CDI proxy:
 * taking due follow-ups commits on its own ({@code REQUIRES_NEW}) before the processor is asked anything, however
 * the caller runs; opening and closing belong to the transaction that changed the subject ({@code MANDATORY});
 * recording a check joins the caller's transaction or runs in one of its own ({@code REQUIRED}). Tests in Java SE
 * substitute resource-local versions of these methods.
 */
@ApplicationScoped
class ReconciliationTransactions {

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
