package org.paydesk.application.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.paydesk.application.idempotency.port.in.IdempotencyClaim;
import org.paydesk.application.idempotency.port.in.IdempotentRequests;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.idempotency.port.out.IdempotencyRecord;
import org.paydesk.application.idempotency.port.out.IdempotencyStore;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.shared.DomainException;

/**
 * Claims, completes and releases idempotency keys. A key whose request never finished (the node died) can be
 * claimed again after {@link #LEASE}; the retried request then finds what the first one recorded, because payments
 * carry the key too, so nothing is charged twice.
 */
@ApplicationScoped
public class IdempotencyService implements IdempotentRequests {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final TimeSource time;

    @Inject
    public IdempotencyService(IdempotencyStore store, TimeSource time) {
        this.store = store;
        this.time = time;
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public IdempotencyClaim claim(String scope, String key, String fingerprint) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainException("invalid_idempotency_key", "Idempotency-Key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Instant now = time.now();
        if (store.insertIfAbsent(scope, key, fingerprint, now)) {
            return IdempotencyClaim.owned();
        }
        IdempotencyRecord record = store.find(scope, key).orElseThrow(
                () -> new ConflictException("request_in_progress", "Idempotency-Key",
                        "a request with this Idempotency-Key has just finished; retry"));
        if (!record.fingerprint().equals(fingerprint)) {
            throw new DomainException("idempotency_key_reused", "Idempotency-Key",
                    "this Idempotency-Key was used with a different request");
        }
        if (record.completed()) {
            return IdempotencyClaim.replaying(record.response());
        }
        if (store.takeOver(scope, key, now.minus(LEASE), now)) {
            return IdempotencyClaim.owned();
        }
        throw new ConflictException("request_in_progress", "Idempotency-Key",
                "a request with this Idempotency-Key is still being processed");
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public void complete(String scope, String key, StoredResponse response) {
        store.complete(scope, key, response, time.now());
    }

    @Override
    @Transactional(Transactional.TxType.NEVER)
    public void release(String scope, String key) {
        store.delete(scope, key);
    }

    /** For CDI's proxy only. */
    protected IdempotencyService() {
        this(null, null);
    }
}
