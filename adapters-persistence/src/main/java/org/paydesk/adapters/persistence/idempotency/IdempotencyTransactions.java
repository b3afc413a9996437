package org.paydesk.adapters.persistence.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * Runs one piece of idempotency-store work in a transaction of its own, committed before it returns.
 *
 * <p>A separate bean because the transaction must end <em>before</em> the store looks at the outcome: a unique
 * constraint violation at flush marks the JTA transaction rollback-only, so the store cannot recover inside it.
 * Called through its CDI proxy, the {@code REQUIRES_NEW} here has ended (rolled back) by the time
 * {@link JpaIdempotencyStore} catches the exception, and the store can then ask, in another fresh transaction,
 * whether the key exists. Tests in Java SE substitute a resource-local version of this one method.
 */
@ApplicationScoped
class IdempotencyTransactions {

    @PersistenceContext(unitName = "paydesk")
    private EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    /** Runs the work in the caller's transaction, which must exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T inCallersTransaction(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
