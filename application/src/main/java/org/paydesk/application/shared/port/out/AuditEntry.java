package org.paydesk.application.shared.port.out;

import java.time.Instant;
import java.util.Objects;
import org.paydesk.application.shared.Actor;

/** One audited change. {@code detail} is a short text for people; it never holds card or account data. */
public record AuditEntry(Instant at, Actor actor, String action, String subjectType, String subjectId,
        String outcome, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
