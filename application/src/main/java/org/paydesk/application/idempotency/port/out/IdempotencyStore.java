package org.paydesk.application.idempotency.port.out;

import java.time.Instant;
import java.util.Optional;
import org.paydesk.application.idempotency.port.in.StoredResponse;

/**
 * Storage for idempotency keys. Each method runs in a transaction of its own and commits before returning, except
 * the two {@code …Within} methods, which join the caller's transaction so a key is claimed and answered in the same
 * commits as the work it guards.
 */
public interface IdempotencyStore {

    /**
     * Stores a new, running record in the caller's transaction. If another request claims the same key at the same
     * time, one of the two transactions fails to commit (the unique key decides).
     */
    void insertWithin(String scope, String key, String fingerprint, Instant now);

    /** Keeps the response, in the caller's transaction. */
    void completeWithin(String scope, String key, StoredResponse response, Instant now);

    /** Stores a new, running record; false when the key already exists (someone else holds or held it). */
    boolean insertIfAbsent(String scope, String key, String fingerprint, Instant now);

    Optional<IdempotencyRecord> find(String scope, String key);

    /** Takes over a running record whose holder has not finished since {@code staleBefore}; false if it has. */
    boolean takeOver(String scope, String key, Instant staleBefore, Instant now);

    void complete(String scope, String key, StoredResponse response, Instant now);

    void delete(String scope, String key);
}
