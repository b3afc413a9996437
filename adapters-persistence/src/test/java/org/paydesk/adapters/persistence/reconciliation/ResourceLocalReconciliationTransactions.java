package org.paydesk.adapters.persistence.reconciliation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TransactionRequiredException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.paydesk.adapters.persistence.shared.Transactions;
import org.paydesk.adapters.persistence.testing.TestDatabase;

/**
 * The Java SE stand-in for the container's transaction types. A test opens "the caller's transaction" with
 * {@link #asCaller}; inside it, the joining methods use that transaction's entity manager, as a JTA
 * transaction-scoped persistence context would, while {@code REQUIRES_NEW} always opens (and commits) one of its own.
 */
final class ResourceLocalReconciliationTransactions extends Transactions {

    private final TestDatabase db;
    private final ThreadLocal<EntityManager> callers = new ThreadLocal<>();
    private final AtomicInteger ownTransactions = new AtomicInteger();

    ResourceLocalReconciliationTransactions(TestDatabase db) {
        this.db = db;
    }

    /** Runs the work as a caller's transaction, committed when it ends and rolled back if it throws. */
    <T> T asCaller(Function<EntityManager, T> work) {
        return db.inTransaction(em -> {
            callers.set(em);
            try {
                return work.apply(em);
            } finally {
                callers.remove();
            }
        });
    }

    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        ownTransactions.incrementAndGet();
        return db.inTransaction(work);
    }

    @Override
    public <T> T inCallersTransaction(Function<EntityManager, T> work) {
        EntityManager caller = callers.get();
        if (caller == null) {
            throw new TransactionRequiredException("MANDATORY: no caller's transaction");
        }
        return work.apply(caller);
    }

    @Override
    public <T> T inAnyTransaction(Function<EntityManager, T> work) {
        EntityManager caller = callers.get();
        if (caller == null) {
            ownTransactions.incrementAndGet();
            return db.inTransaction(work);
        }
        return work.apply(caller);
    }

    @Override
    public <T> T reading(Function<EntityManager, T> work) {
        EntityManager caller = callers.get();
        return caller == null ? db.inTransaction(work) : work.apply(caller);
    }

    /** How many transactions of their own the queue's methods have opened so far. */
    int ownTransactions() {
        return ownTransactions.get();
    }
}
