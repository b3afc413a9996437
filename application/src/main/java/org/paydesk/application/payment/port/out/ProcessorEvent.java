package org.paydesk.application.payment.port.out;

import java.util.Objects;

/**
 * A verified notification from the processor (a Stripe webhook event), in Paydesk's words. It only says what changed;
 * what the thing now is, is read from the processor ({@link PaymentProcessor#lookup}), so events applied in any order,
 * or twice, lead to the same end.
 *
 * @param id the processor's event id ({@code evt_...}); each is applied once
 * @param type the processor's event type ({@code payment_intent.succeeded}, {@code charge.refunded} ...), for audit
 * @param kind what the event is about
 * @param paymentReference the charge's reference ({@code pi_...}) for payment, refund and dispute events
 * @param paymentId the Paydesk payment id the charge carries in its metadata, when it does (a charge whose answer was
 *     lost is known only by it)
 * @param customerId the Paydesk customer id a saved payment method belongs to, from the SetupIntent's metadata
 * @param paymentMethodReference the payment method a {@link Kind#PAYMENT_METHOD_SAVED} event saved ({@code pm_...})
 */
public record ProcessorEvent(String id, String type, Kind kind, String paymentReference, Long paymentId,
        Long customerId, String paymentMethodReference) {

    /** What an event is about. */
    public enum Kind {
        /** A charge's status changed: processing, succeeded, failed, returned. */
        PAYMENT_CHANGED,
        /** A refund of a charge was made or changed. */
        REFUND_CHANGED,
        /** The payer disputed a charge. */
        DISPUTE_OPENED,
        /** A payment method was saved through the processor's own form (a SetupIntent succeeded). */
        PAYMENT_METHOD_SAVED,
        /** Anything else: recorded, changes nothing. */
        OTHER
    }

    public ProcessorEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
    }
}
