package org.paydesk.application.payment.port.out;

/** A notification that does not verify or cannot be read; it must change nothing. */
public class InvalidProcessorEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidProcessorEventException(String message) {
        super(message);
    }
}
