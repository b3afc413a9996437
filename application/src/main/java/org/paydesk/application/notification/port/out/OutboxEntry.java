package org.paydesk.application.notification.port.out;

import org.paydesk.application.notification.Notification;

/** A notification waiting in the outbox, and how often delivery was tried. */
public record OutboxEntry(long id, Notification notification, int attempts) {
}
