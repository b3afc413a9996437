package org.paydesk.application.fake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventLog;

/** Applied events by id, with the outcome each was recorded with. */
public final class InMemoryProcessorEventLog implements ProcessorEventLog {

    private final Map<String, String> outcomes = new LinkedHashMap<>();

    @Override
    public synchronized boolean contains(String eventId) {
        return outcomes.containsKey(eventId);
    }

    @Override
    public synchronized boolean recordFirst(ProcessorEvent event, String outcome, Instant receivedAt) {
        return outcomes.putIfAbsent(event.id(), outcome) == null;
    }

    public synchronized Map<String, String> outcomes() {
        return Map.copyOf(outcomes);
    }
}
