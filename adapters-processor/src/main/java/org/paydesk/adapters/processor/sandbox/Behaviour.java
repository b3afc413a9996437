package org.paydesk.adapters.processor.sandbox;

import java.util.Objects;
import org.paydesk.domain.payment.PaymentFailure;

/**
 * What charging one of Stripe's test instruments does in test mode. Cards answer at once; bank debits are accepted
 * as processing and settle later, or never; 3-D Secure cards are declined because Paydesk cannot authenticate.
 */
sealed interface Behaviour {

    /** The card is charged at once. */
    record Approves() implements Behaviour {
    }

    /** Refused at once with Stripe's error code and decline code; a PaymentIntent is still created. */
    record Declines(PaymentFailure failure) implements Behaviour {
        public Declines {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * A 3-D Secure card: the issuer demands that the cardholder authenticate, so the charge is declined with
     * {@code authentication_required}, whether or not the customer is present.
     *
     * <p>Off session (a saved method charged with no customer present) Stripe itself answers this decline, and the
     * PaymentIntent waits for another payment method. On session Stripe would instead leave the PaymentIntent in
     * {@code requires_action} and expect the page in front of the customer to run the 3-D Secure challenge. Paydesk
     * charges from the server, where no challenge can be shown, so the sandbox answers that case with the same
     * decline code too, in words that say the card needs authentication Paydesk cannot perform.
     */
    record RequiresAuthentication() implements Behaviour {

        /** Stripe's words when an off-session charge needs authentication. */
        static final String OFF_SESSION_MESSAGE = "Your card was declined. This transaction requires authentication.";
        static final String ON_SESSION_MESSAGE = "This card requires 3-D Secure authentication, which Paydesk cannot "
                + "perform when it charges the card itself. Use another card.";

        /** The decline for a charge made with ({@code offSession} false) or without the customer present. */
        PaymentFailure failure(boolean offSession) {
            return new PaymentFailure(AUTHENTICATION_REQUIRED, AUTHENTICATION_REQUIRED,
                    offSession ? OFF_SESSION_MESSAGE : ON_SESSION_MESSAGE);
        }
    }

    /** Stripe's error code, repeated by its test mode as the decline code, for a card that must authenticate. */
    String AUTHENTICATION_REQUIRED = "authentication_required";

    /** Accepted as processing, then settles: succeeds when {@code failure} is null, otherwise fails with it. */
    record SettlesLater(PaymentFailure failure) implements Behaviour {

        boolean succeeds() {
            return failure == null;
        }
    }

    /** Accepted as processing and never settles (Stripe's {@code pm_usBankAccount_processing}). */
    record StaysProcessing() implements Behaviour {
    }

    static Behaviour approves() {
        return new Approves();
    }

    /** A decline by the issuer: Stripe's error code is {@code card_declined}, the reason is the decline code. */
    static Behaviour cardDeclined(String declineCode, String message) {
        return new Declines(new PaymentFailure("card_declined", declineCode, message));
    }

    /**
     * A card error with its own error code ({@code expired_card}, {@code incorrect_cvc}, {@code processing_error});
     * Stripe's live test mode repeats that code as the decline code.
     */
    static Behaviour cardError(String code, String message) {
        return new Declines(new PaymentFailure(code, code, message));
    }

    static Behaviour requiresAuthentication() {
        return new RequiresAuthentication();
    }

    static Behaviour settles() {
        return new SettlesLater(null);
    }

    /** An ACH debit that fails after processing; ACH has no issuer decline code, only the charge's failure code. */
    static Behaviour settlesFailing(String failureCode, String message) {
        return new SettlesLater(new PaymentFailure(failureCode, null, message));
    }

    static Behaviour staysProcessing() {
        return new StaysProcessing();
    }
}
