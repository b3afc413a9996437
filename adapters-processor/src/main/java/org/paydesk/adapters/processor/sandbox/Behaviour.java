package org.paydesk.adapters.processor.sandbox;

import java.util.Objects;
import org.paydesk.domain.payment.PaymentFailure;

/**
 * What charging one of Stripe's test instruments does in test mode. Cards answer at once; bank debits are accepted
 * as processing and settle later, or never.
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
     * A card error with its own error code ({@code expired_card}, {@code incorrect_cvc}, {@code processing_error},
     * {@code authentication_required}); Stripe's live test mode repeats that code as the decline code.
     */
    static Behaviour cardError(String code, String message) {
        return new Declines(new PaymentFailure(code, code, message));
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
