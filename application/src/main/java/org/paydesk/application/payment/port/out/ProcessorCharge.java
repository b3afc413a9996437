package org.paydesk.application.payment.port.out;

import java.util.Locale;
import java.util.Objects;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.shared.Money;

/**
 * A charge as the processor itself records it now, for webhooks and reconciliation: its reference, the key it was
 * created with, the amount, the processor's own status word (e.g. {@code succeeded}, {@code processing},
 * {@code requires_payment_method}), and what that means for Paydesk.
 *
 * @param state the status in Paydesk's words; {@link State#RETURNED} for an ACH debit that settled and was returned
 * @param failure why it failed or was returned, from the processor; null otherwise
 * @param disputed whether the payer opened a dispute (chargeback) on it
 */
public record ProcessorCharge(String reference, String idempotencyKey, Money amount, String status, State state,
        PaymentFailure failure, boolean disputed) {

    /** What a charge's status means for the payment it belongs to. */
    public enum State {
        /** Not finished yet (an ACH debit on its way, a charge being confirmed). */
        PROCESSING,
        /** The money arrived. */
        SUCCEEDED,
        /** No money moved: declined, canceled, or needing an action nobody will take. */
        FAILED,
        /** An ACH debit that settled and that the payer's bank later sent back. */
        RETURNED
    }

    public ProcessorCharge {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }

    /** A charge described by Stripe's PaymentIntent status word alone (neither returned nor disputed). */
    public ProcessorCharge(String reference, String idempotencyKey, Money amount, String status) {
        this(reference, idempotencyKey, amount, status, stateOf(status), null, false);
    }

    /**
     * Stripe's PaymentIntent statuses, which the sandbox shares: {@code succeeded}; {@code processing}; anything
     * still waiting for the server to act ({@code requires_confirmation}, {@code requires_capture}) is processing;
     * {@code requires_payment_method}, {@code requires_action} (Paydesk cannot run a challenge) and
     * {@code canceled} failed.
     */
    public static State stateOf(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded" -> State.SUCCEEDED;
            case "processing", "requires_confirmation", "requires_capture" -> State.PROCESSING;
            default -> State.FAILED;
        };
    }
}
