package org.paydesk.adapters.persistence.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.adapters.persistence.shared.Transactions;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.idempotency.port.out.IdempotencyRecord;
import org.paydesk.application.idempotency.port.out.IdempotencyStore;

/**
 * Idempotency keys in table {@code idempotency_record}.
 *
 * <p>Guarantees: each method commits in a transaction of its own before it returns, whatever the caller's
 * transaction does; of concurrent {@link #insertIfAbsent} calls for one (scope, key) exactly one returns true and
 * the others return false (the unique constraint decides, not a read-then-write race); {@link #takeOver} succeeds
 * for at most one caller, and only on a record that is unfinished and was locked before {@code staleBefore}; the
 * response body is kept whole (CLOB) to be replayed byte for byte.
 */
@ApplicationScoped
public class JpaIdempotencyStore implements IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(JpaIdempotencyStore.class.getName());

    private final Transactions transactions;

    @Inject
    JpaIdempotencyStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** For CDI's proxy only. */
    protected JpaIdempotencyStore() {
        this(null);
    }

    @Override
    public boolean insertIfAbsent(String scope, String key, String fingerprint, Instant now) {
        try {
            return transactions.inNewTransaction(em -> {
                if (entity(em, scope, key).isPresent()) {
                    // The common repeat (a client retrying a finished request) answers without provoking an error.
                    return false;
                }
                em.persist(new IdempotencyRecordEntity(scope, key, fingerprint, now));
                em.flush(); // a concurrent claim of the same key fails here, on uq_idempotency_scope_key
                return true;
            });
        } catch (RuntimeException insertFailed) {
            // The insert's transaction is over (rolled back). It failed because someone holds the key exactly when
            // the key is now there; any other failure (database down, value too long) is not a duplicate.
            boolean taken;
            try {
                taken = find(scope, key).isPresent();
            } catch (RuntimeException lookupFailed) {
                insertFailed.addSuppressed(lookupFailed);
                throw insertFailed;
            }
            if (taken) {
                return false;
            }
            throw insertFailed;
        }
    }

    /**
     * Joins the caller's transaction and writes the claim at once: a concurrent claim of the same key then waits on
     * this row and fails on {@code uq_idempotency_scope_key}, instead of going on to refuse the request for reasons
     * that only the first request's own work created (an order it just paid).
     */
    @Override
    public void insertWithin(String scope, String key, String fingerprint, Instant now) {
        transactions.inCallersTransaction(em -> {
            em.persist(new IdempotencyRecordEntity(scope, key, fingerprint, now));
            em.flush();
            return null;
        });
    }

    @Override
    public void completeWithin(String scope, String key, StoredResponse response, Instant now) {
        boolean stored = transactions.inCallersTransaction(em -> {
            Optional<IdempotencyRecordEntity> entity = entity(em, scope, key);
            entity.ifPresent(record -> record.complete(response.status(), response.contentType(),
                    response.location(), response.body(), now));
            return entity.isPresent();
        });
        if (!stored) {
            LOG.warning(() -> "idempotency key to complete no longer exists (scope " + scope + ")");
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return transactions.inNewTransaction(em -> entity(em, scope, key).map(JpaIdempotencyStore::toRecord));
    }

    @Override
    public boolean takeOver(String scope, String key, Instant staleBefore, Instant now) {
        // One conditional UPDATE: the database row lock makes it atomic, so of two callers taking over the same
        // stale record only the first changes a row; the second then sees locked_at = now and changes none.
        int changed = transactions.inNewTransaction(em -> em.createQuery(
                        "UPDATE IdempotencyRecordEntity r SET r.lockedAt = :now"
                                + " WHERE r.scope = :scope AND r.idemKey = :key"
                                + " AND r.completedAt IS NULL AND r.lockedAt < :staleBefore")
                .setParameter("now", now)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("staleBefore", staleBefore)
                .executeUpdate());
        return changed == 1;
    }

    @Override
    public void complete(String scope, String key, StoredResponse response, Instant now) {
        boolean stored = transactions.inNewTransaction(em -> {
            Optional<IdempotencyRecordEntity> entity = entity(em, scope, key);
            entity.ifPresent(record -> record.complete(response.status(), response.contentType(),
                    response.location(), response.body(), now));
            return entity.isPresent();
        });
        if (!stored) {
            // Nothing to fail: the request has run and answered. A retry will simply run as a new request.
            LOG.warning(() -> "idempotency key to complete no longer exists (scope " + scope + ")");
        }
    }

    @Override
    public void delete(String scope, String key) {
        transactions.inNewTransaction(em -> em.createQuery(
                        "DELETE FROM IdempotencyRecordEntity r WHERE r.scope = :scope AND r.idemKey = :key")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .executeUpdate());
    }

    private static Optional<IdempotencyRecordEntity> entity(EntityManager em, String scope, String key) {
        List<IdempotencyRecordEntity> found = em.createQuery("SELECT r FROM IdempotencyRecordEntity r"
                        + " WHERE r.scope = :scope AND r.idemKey = :key", IdempotencyRecordEntity.class)
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getResultList();
        return found.stream().findFirst();
    }

    private static IdempotencyRecord toRecord(IdempotencyRecordEntity entity) {
        StoredResponse response = entity.completedAt() == null ? null
                // Oracle keeps an empty text as NULL; a stored response always has a type and a body.
                : new StoredResponse(entity.responseStatus(), Columns.nullAsEmpty(entity.responseType()),
                        entity.responseLocation(), Columns.nullAsEmpty(entity.responseBody()));
        return new IdempotencyRecord(entity.scope(), entity.idemKey(), entity.fingerprint(), entity.lockedAt(),
                response);
    }
}
