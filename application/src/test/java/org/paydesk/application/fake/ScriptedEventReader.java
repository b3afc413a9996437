package org.paydesk.application.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.paydesk.application.payment.port.out.InvalidProcessorEventException;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventReader;

/**
 * Reads events the test registered under a payload; a payload is "signed" when its signature is {@code "v1=" +
 * payload}. Anything else is refused as a real reader would.
 */
public final class ScriptedEventReader implements ProcessorEventReader {

    private final Map<String, ProcessorEvent> events = new LinkedHashMap<>();

    /** Registers the event and returns the payload that carries it. */
    public synchronized String payloadOf(ProcessorEvent event) {
        String payload = "{\"id\":\"" + event.id() + "\"}";
        events.put(payload, event);
        return payload;
    }

    public static String signatureOf(String payload) {
        return "v1=" + payload;
    }

    @Override
    public synchronized ProcessorEvent read(String payload, String signatureHeader) {
        if (signatureHeader == null || !signatureHeader.equals(signatureOf(payload))) {
            throw new InvalidProcessorEventException("the signature does not verify");
        }
        ProcessorEvent event = events.get(payload);
        if (event == null) {
            throw new InvalidProcessorEventException("not an event");
        }
        return event;
    }
}
