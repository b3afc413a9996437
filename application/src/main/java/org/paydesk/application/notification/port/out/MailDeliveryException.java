package org.paydesk.application.notification.port.out;

/** The SMTP server could not be reached or refused the mail; the outbox will try again. */
public class MailDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
