package org.paydesk.adapters.persistence.idempotency;

import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.paydesk.adapters.persistence.shared.Transactions;
import org.paydesk.adapters.persistence.testing.TestDatabase;

/**
 * The Java SE stand-in for the container's {@code REQUIRES_NEW}: a new entity manager and a resource-local
 * transaction per call, committed before it returns, rolled back (and the exception rethrown) if the work fails.
 */
final class ResourceLocalTransactions extends Transactions {

    private final TestDatabase db;
    private final AtomicInteger failed = new AtomicInteger();

    ResourceLocalTransactions(TestDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        try {
            return db.inTransaction(work);
        } catch (RuntimeException rolledBack) {
            failed.incrementAndGet();
            throw rolledBack;
        }
    }

    /** In SE the caller's transaction is one opened for the work, committed when it ends. */
    @Override
    public <T> T inCallersTransaction(Function<EntityManager, T> work) {
        return inNewTransaction(work);
    }

    /** How many transactions have failed and rolled back so far. */
    int failed() {
        return failed.get();
    }
}
