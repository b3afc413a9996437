package org.paydesk.adapters.processor.sandbox;

import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paydesk.application.payment.port.in.RecordProcessorOutcomeUseCase;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * Settles processing ACH debits after the configured delay and reports each result to Paydesk, as Stripe's webhook
 * would. A report that finds no payment with the reference (Paydesk records it only after the charge call returns)
 * or that fails is tried again a few times; after the last try the charge's status still answers reconciliation.
 */
final class AchSettlement {

    private static final Logger LOG = Logger.getLogger(AchSettlement.class.getName());
    static final Actor ACTOR = Actor.system("sandbox");

    private final SandboxLedger ledger;
    private final SettlementScheduler scheduler;
    private final RecordProcessorOutcomeUseCase outcomes;
    private final SandboxSettings settings;

    AchSettlement(SandboxLedger ledger, SettlementScheduler scheduler, RecordProcessorOutcomeUseCase outcomes,
            SandboxSettings settings) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Settles the charge later; a scheduler that refuses leaves it processing, which reconciliation still sees. */
    void settleLater(String reference) {
        try {
            scheduler.schedule(() -> settle(reference), settings.achSettlementDelay());
        } catch (RuntimeException refused) {
            LOG.log(Level.SEVERE, "sandbox could not schedule the settlement of " + reference
                    + "; it stays processing", refused);
        }
    }

    /** Completes a pending ACH refund after the settlement delay; a refused schedule leaves it pending. */
    void settleRefundLater(String refundId) {
        try {
            scheduler.schedule(() -> ledger.settleRefund(refundId).ifPresent(outcome -> LOG.info(
                    () -> "sandbox ACH refund settled: " + refundId)), settings.achSettlementDelay());
        } catch (RuntimeException refused) {
            LOG.log(Level.SEVERE, "sandbox could not schedule the settlement of refund " + refundId
                    + "; it stays pending", refused);
        }
    }

    private void settle(String reference) {
        ledger.settle(reference).ifPresent(settlement -> {
            LOG.info(() -> "sandbox ACH settled: payment " + settlement.charge().paymentId() + ", scenario "
                    + settlement.charge().instrument().slug() + ", " + settlement.charge().status() + " "
                    + reference);
            report(reference, settlement.outcome(), 1);
        });
    }

    private void report(String reference, PaymentOutcome outcome, int attempt) {
        if (recorded(reference, outcome, attempt)) {
            return;
        }
        if (attempt < settings.reportAttempts()) {
            try {
                scheduler.schedule(() -> report(reference, outcome, attempt + 1), settings.reportRetryDelay());
                return;
            } catch (RuntimeException refused) {
                LOG.log(Level.WARNING, "sandbox could not schedule another report of " + reference, refused);
            }
        }
        LOG.warning(() -> "sandbox gave up reporting " + reference + " after " + attempt
                + " attempt(s); reconciliation will find its status through chargesFor");
    }

    private boolean recorded(String reference, PaymentOutcome outcome, int attempt) {
        try {
            return outcomes.record(reference, outcome, ACTOR).isPresent();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "sandbox report of " + reference + " failed (attempt " + attempt + ")", failed);
            return false;
        }
    }
}
