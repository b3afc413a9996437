package org.paydesk.application.idempotency.port.in;

import java.util.Objects;

/** The first response to an idempotent request, kept to be replayed byte for byte. */
public record StoredResponse(int status, String contentType, String location, String body) {

    public StoredResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
