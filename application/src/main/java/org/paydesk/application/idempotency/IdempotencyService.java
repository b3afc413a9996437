package org.paydesk.application.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.paydesk.application.idempotency.port.in.IdempotencyClaim;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
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
        requireValidKey(key);
        Instant now = time.now();
        if (store.insertIfAbsent(scope, key, fingerprint, now)) {
            return IdempotencyClaim.owned();
        }
        IdempotencyRecord record = store.find(scope, key).orElseThrow(
                () -> new ConflictException("request_in_progress", "Idempotency-Key",
                        "a request with this Idempotency-Key has just finished; retry"));
        if (!record.fingerprint().equals(fingerprint)) {
            throw keyReused();
        }
        if (record.completed()) {
            return IdempotencyClaim.replaying(record.response());
        }
        if (store.takeOver(scope, key, now.minus(LEASE), now)) {
            return IdempotencyClaim.owned();
        }
        throw inProgress();
    }

    private static void requireValidKey(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainException("invalid_idempotency_key", "Idempotency-Key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static DomainException keyReused() {
        return new DomainException("idempotency_key_reused", "Idempotency-Key",
                "this Idempotency-Key was used with a different request");
    }

    private static ConflictException inProgress() {
        return new ConflictException("request_in_progress", "Idempotency-Key",
                "a request with this Idempotency-Key is still being processed");
    }

    /**
     * Claims the key inside the caller's transaction (which then commits the claim together with its work), or
     * answers the earlier response to replay. Same refusals as {@link #claim}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claimWithin(IdempotentRequest request) {
        requireValidKey(request.key());
        Instant now = time.now();
        Optional<IdempotencyRecord> earlier = store.find(request.scope(), request.key());
        if (earlier.isEmpty()) {
            store.insertWithin(request.scope(), request.key(), request.fingerprint(), now);
            return Optional.empty();
        }
        IdempotencyRecord record = earlier.get();
        if (!record.fingerprint().equals(request.fingerprint())) {
            throw keyReused();
        }
        if (record.completed()) {
            return Optional.of(record.response());
        }
        if (store.takeOver(request.scope(), request.key(), now.minus(LEASE), now)) {
            return Optional.empty();
        }
        throw inProgress();
    }

    /** Keeps the response in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeWithin(IdempotentRequest request, StoredResponse response) {
        store.completeWithin(request.scope(), request.key(), response, time.now());
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
