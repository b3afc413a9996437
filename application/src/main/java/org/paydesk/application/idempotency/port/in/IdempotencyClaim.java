package org.paydesk.application.idempotency.port.in;

import java.util.Optional;

/**
 * The answer to claiming an idempotency key: either the caller now owns the key and must run the request and then
 * {@link IdempotentRequests#complete complete} (or {@link IdempotentRequests#release release}) it, or the request
 * already ran and its first response is to be replayed.
 */
public record IdempotencyClaim(Optional<StoredResponse> replay) {

    public static IdempotencyClaim owned() {
        return new IdempotencyClaim(Optional.empty());
    }

    public static IdempotencyClaim replaying(StoredResponse response) {
        return new IdempotencyClaim(Optional.of(response));
    }

    public boolean isReplay() {
        return replay.isPresent();
    }
}
