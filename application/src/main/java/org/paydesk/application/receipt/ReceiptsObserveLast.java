package org.paydesk.application.receipt;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;

/**
 * Orders the observers of {@link CustomerReceipts} after every other observer of the same events, so a mail
 * describes what the whole transaction did: a receipt for Pay &amp; Confirm lists the order's invoice, which the
 * order's observer creates and applies the payment to. CDI runs observers by priority, lowest first; those without
 * one have {@code APPLICATION + 500} (2500). {@code @Priority} on the observer would say the same, but it is not one
 * of the annotations the application may use (architecture rule 2), so this extension sets it as the container
 * reads the observer. Registered in {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class ReceiptsObserveLast implements Extension {

    /** After the default priority of observers (2500) with room between. */
    static final int AFTER_OTHER_OBSERVERS = 5000;

    void last(@Observes ProcessObserverMethod<?, CustomerReceipts> observer) {
        observer.configureObserverMethod().priority(AFTER_OTHER_OBSERVERS);
    }
}
