package org.paydesk.application.payment.port.out;

import java.time.Instant;

/** The processor's events already applied, so each is applied once even when the processor sends it again. */
public interface ProcessorEventLog {

    /** Whether the event was applied before. */
    boolean contains(String eventId);

    /**
     * Records the event as applied, in the transaction that applies it.
     *
     * @return false, recording nothing, when it was recorded before (also by another node at the same time: the
     *     caller then rolls its transaction back)
     */
    boolean recordFirst(ProcessorEvent event, String outcome, Instant receivedAt);
}
