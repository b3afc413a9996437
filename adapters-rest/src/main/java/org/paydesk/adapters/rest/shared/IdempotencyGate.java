package org.paydesk.adapters.rest.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import org.paydesk.application.idempotency.port.in.IdempotencyClaim;
import org.paydesk.application.idempotency.port.in.IdempotentRequest;
import org.paydesk.application.idempotency.port.in.IdempotentRequests;
import org.paydesk.application.idempotency.port.in.StoredResponse;

/**
 * Runs a state-changing request under its {@code Idempotency-Key}: the first run's response is stored and replayed
 * for retries with the same body (marked {@code Idempotent-Replayed: true}); a request that was refused as invalid
 * changed nothing, so its key is released for a corrected retry.
 */
@ApplicationScoped
public class IdempotencyGate {

    public static final String HEADER = "Idempotency-Key";

    private final IdempotentRequests requests;
    private final JsonBodies json;

    @Inject
    public IdempotencyGate(IdempotentRequests requests, JsonBodies json) {
        this.requests = requests;
        this.json = json;
    }

    /**
     * @param scope who and which operation, e.g. {@code "cashier POST /payments"}; keys never collide across them
     * @param action runs the request; it is given the scoped request key (null without a key) to record on what it
     *     creates, so a retry after a crash finds it
     */
    public Response execute(String key, String scope, String body, Function<String, Response> action) {
        if (key == null) {
            return action.apply(null);
        }
        IdempotencyClaim claim = requests.claim(scope, key, sha256(body == null ? "" : body));
        if (claim.isReplay()) {
            return send(claim.replay().orElseThrow(), true);
        }
        Response response;
        try {
            response = action.apply(requestKey(scope, key));
        } catch (RuntimeException refusedOrFailed) {
            requests.release(scope, key);
            throw refusedOrFailed;
        }
        StoredResponse stored = store(response);
        requests.complete(scope, key, stored);
        return send(stored, false);
    }

    /** The request as the application's idempotency sees it: scope, key and the body's digest. */
    public static IdempotentRequest request(String key, String scope, String body) {
        return new IdempotentRequest(scope, key, sha256(body == null ? "" : body));
    }

    /** The key a use case records on what it creates, so a retry after a crash finds it. */
    public static String requestKey(String scope, String key) {
        return sha256(scope + "\n" + key);
    }

    /** A response as kept for replays: the body exactly as sent. */
    public StoredResponse store(Response response) {
        String body = response.getEntity() instanceof String text ? text : json.write(response.getEntity());
        String type = response.getMediaType() == null ? "application/json" : response.getMediaType().toString();
        String location = response.getLocation() == null ? null : response.getLocation().toString();
        return new StoredResponse(response.getStatus(), type, location, body);
    }

    /** Sends a kept response; a replay is marked {@code Idempotent-Replayed: true}. */
    public static Response send(StoredResponse stored, boolean replayed) {
        Response.ResponseBuilder response = Response.status(stored.status()).type(stored.contentType())
                .entity(stored.body());
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        return response.build();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** For CDI's proxy only. */
    protected IdempotencyGate() {
        this(null, null);
    }
}
