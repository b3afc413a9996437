package org.paydesk.application.idempotency.port.in;

import java.util.Objects;

/** The response to an idempotent request, and whether it is the replay of an earlier one. */
public record IdempotentAnswer(StoredResponse response, boolean replayed) {

    public IdempotentAnswer {
        Objects.requireNonNull(response, "response");
    }
}
