package org.paydesk.application.notification.port.in;

/** Sends what the outbox holds that is due; called by a timer and right after commits. */
public interface DeliverNotificationsUseCase {

    /** @return how many notifications were delivered */
    int deliverDue();
}
