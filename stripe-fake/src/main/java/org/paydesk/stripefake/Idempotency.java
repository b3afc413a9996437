package org.paydesk.stripefake;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's idempotency rules (docs.stripe.com/api/idempotent_requests): the first request with a key that started
 * executing has its status and body saved; the same key with the same method, path and parameters gets the saved
 * answer again, marked {@code Idempotent-Replayed: true}; the same key with other parameters is refused with 400
 * {@code idempotency_error}; and while the first request still runs, another with the key gets 409. Answers refused by
 * validation or by a fault are not saved, so the key may be used again.
 */
final class Idempotency {

    /** A saved answer. */
    record Saved(String fingerprint, int status, String body) {
    }

    /** What to do with a request. */
    sealed interface Decision permits Proceed, Replay {
    }

    record Proceed() implements Decision {
    }

    record Replay(int status, String body) implements Decision {
    }

    private final Map<String, Saved> saved = new HashMap<>();
    private final Map<String, String> running = new HashMap<>();
    private final Set<String> released = new HashSet<>();

    /** @throws ApiError 400 for other parameters, 409 while the first request with the key runs */
    synchronized Decision begin(String key, String fingerprint) {
        Saved earlier = saved.get(key);
        if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
                throw new ApiError(400, "idempotency_error", null, "Keys for idempotent requests can only be used "
                        + "with the same parameters they were first used with. Try using a key other than '" + key
                        + "' if you meant to execute a different request.", null);
            }
            return new Replay(earlier.status(), earlier.body());
        }
        if (running.containsKey(key)) {
            throw new ApiError(409, "idempotency_error", "idempotency_key_in_use", "There is currently another "
                    + "in-progress request using this Idempotent Key (that probably means you submitted twice, and "
                    + "the other request is still going through): " + key + ". Please try again later.", null);
        }
        running.put(key, fingerprint);
        return new Proceed();
    }

    /** Saves the answer of the request that began with the key. */
    synchronized void finish(String key, int status, String body) {
        String fingerprint = running.remove(key);
        if (fingerprint != null) {
            saved.put(key, new Saved(fingerprint, status, body));
        }
    }

    /** Forgets the running request without saving its answer. */
    synchronized void release(String key) {
        running.remove(key);
        released.add(key);
    }

    synchronized void reset() {
        saved.clear();
        running.clear();
        released.clear();
    }
}
