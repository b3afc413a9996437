package org.paydesk.application.idempotency.port.in;

import java.util.Objects;

/**
 * A request sent with an Idempotency-Key: whose and which operation ({@code scope}), the key, and a digest of the
 * request to tell a retry from a different request.
 */
public record IdempotentRequest(String scope, String key, String fingerprint) {

    public IdempotentRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
