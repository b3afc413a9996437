package org.paydesk.application.payment.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a payment's story, as the audit trail recorded it.
 *
 * @param action what happened, e.g. {@code payment.submitted}, {@code payment.succeeded}, {@code refund.requested},
 *     {@code processor_event.charge.refunded}
 * @param actor who or what caused it: a user's name, or {@code system:<component>} for Paydesk itself
 * @param origin where from: the user's network address, or {@code internal}
 * @param detail a short text for people; may be null
 */
public record TimelineEntry(Instant at, String action, String actor, String origin, String outcome, String detail) {

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(outcome, "outcome");
    }
}
