package org.paydesk.application.notification.port.out;

import org.paydesk.application.notification.Notification;

/** Renders and sends one notification as an e-mail. */
public interface MailTransport {

    /** @throws MailDeliveryException when the mail could not be handed to the SMTP server */
    void send(Notification notification);
}
