package org.paydesk.application.idempotency.port.in;

/**
 * Idempotency keys for state-changing requests: the same key with the same request replays the first response;
 * with another request it is refused ({@code 422 idempotency_key_reused}); while the first is still running it is
 * refused ({@code 409 request_in_progress}). Keys are scoped to the caller and the operation.
 */
public interface IdempotentRequests {

    /**
     * @param fingerprint a digest of the request, to tell a retry from a different request
     * @throws org.paydesk.application.shared.ConflictException {@code request_in_progress}
     * @throws org.paydesk.domain.shared.DomainException {@code idempotency_key_reused} (field {@code Idempotency-Key})
     */
    IdempotencyClaim claim(String scope, String key, String fingerprint);

    /** Keeps the response so later requests with the key replay it. */
    void complete(String scope, String key, StoredResponse response);

    /** Forgets the key: the request changed nothing (it was refused as invalid), so it may be sent again. */
    void release(String scope, String key);
}
