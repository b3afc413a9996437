package org.paydesk.application.fake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.idempotency.port.out.IdempotencyRecord;
import org.paydesk.application.idempotency.port.out.IdempotencyStore;

/** Idempotency records keyed by scope and key; each call is atomic, as each runs in its own transaction. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Key(String scope, String key) {
    }

    private final Map<Key, IdempotencyRecord> records = new LinkedHashMap<>();

    @Override
    public boolean insertIfAbsent(String scope, String key, String fingerprint, Instant now) {
        return records.putIfAbsent(new Key(scope, key), new IdempotencyRecord(scope, key, fingerprint, now, null))
                == null;
    }

    @Override
    public void insertWithin(String scope, String key, String fingerprint, Instant now) {
        if (!insertIfAbsent(scope, key, fingerprint, now)) {
            // What the unique key does to the second of two transactions claiming one key.
            throw new IllegalStateException("duplicate idempotency key " + scope + " / " + key);
        }
    }

    @Override
    public void completeWithin(String scope, String key, StoredResponse response, Instant now) {
        complete(scope, key, response, now);
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return Optional.ofNullable(records.get(new Key(scope, key)));
    }

    @Override
    public boolean takeOver(String scope, String key, Instant staleBefore, Instant now) {
        IdempotencyRecord record = records.get(new Key(scope, key));
        if (record == null || record.completed() || !record.lockedAt().isBefore(staleBefore)) {
            return false;
        }
        records.put(new Key(scope, key), new IdempotencyRecord(scope, key, record.fingerprint(), now, null));
        return true;
    }

    @Override
    public void complete(String scope, String key, StoredResponse response, Instant now) {
        IdempotencyRecord record = records.get(new Key(scope, key));
        if (record == null) {
            throw new IllegalStateException("no running record for " + scope + " / " + key);
        }
        records.put(new Key(scope, key), new IdempotencyRecord(scope, key, record.fingerprint(), record.lockedAt(),
                response));
    }

    @Override
    public void delete(String scope, String key) {
        records.remove(new Key(scope, key));
    }

    /** Plants a record as another node would have left it. */
    public void put(IdempotencyRecord record) {
        records.put(new Key(record.scope(), record.key()), record);
    }

    public int size() {
        return records.size();
    }
}
