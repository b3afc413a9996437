package org.paydesk.application.idempotency.port.out;

import java.time.Instant;
import org.paydesk.application.idempotency.port.in.StoredResponse;

/** A stored key: whose request it was, its fingerprint, and the response once there is one. */
public record IdempotencyRecord(String scope, String key, String fingerprint, Instant lockedAt,
        StoredResponse response) {

    public boolean completed() {
        return response != null;
    }
}
