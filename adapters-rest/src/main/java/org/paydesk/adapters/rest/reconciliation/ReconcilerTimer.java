package org.paydesk.adapters.rest.reconciliation;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paydesk.application.payment.port.in.ReconcileUseCase;

/**
 * Runs the reconciler every {@code paydesk.reconciler.interval-seconds} (30 by default; 0 turns it off) on an EJB
 * timer. Rounds never overlap: each plans the next when it ends. The timer is not persistent: every node starts its
 * own when the application has started (after the schema migrations, which run first on the same event), and nodes
 * never make the same check twice because a check is taken from the shared queue in its own transaction. A failed
 * round is logged and the next one runs as planned.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconcilerTimer {

    static final String INTERVAL_SECONDS = "paydesk.reconciler.interval-seconds";

    private static final Logger LOG = Logger.getLogger(ReconcilerTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ReconcileUseCase reconciler;

    @Inject
    @ConfigProperty(name = INTERVAL_SECONDS, defaultValue = "30")
    long intervalSeconds;

    /** Every module of the EAR fires this event at start; the rounds are started once. */
    public void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!timers.getTimers().isEmpty()) {
            return;
        }
        if (intervalSeconds < 0) {
            throw new IllegalArgumentException(INTERVAL_SECONDS + " must not be negative: " + intervalSeconds);
        }
        if (intervalSeconds == 0) {
            LOG.info("reconciler off (" + INTERVAL_SECONDS + "=0)");
            return;
        }
        planNext();
        LOG.info(() -> "reconciler every " + intervalSeconds + " s started");
    }

    @Timeout
    void round() {
        try {
            int settled = reconciler.reconcileDue();
            if (settled > 0) {
                LOG.info(() -> "reconciler settled " + settled + " payment(s) or refund(s)");
            }
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "reconciler round failed; the next round runs as planned", failed);
        } finally {
            planNext();
        }
    }

    private void planNext() {
        timers.createSingleActionTimer(intervalSeconds * 1000, new TimerConfig(null, false));
    }
}
