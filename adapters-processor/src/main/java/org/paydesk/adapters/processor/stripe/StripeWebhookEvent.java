package org.paydesk.adapters.processor.stripe;

import java.util.Objects;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * What a verified Stripe webhook says, in Paydesk's words.
 *
 * @param eventId Stripe's event id ({@code evt_...}), to process each event once
 * @param type Stripe's event type ({@code payment_intent.succeeded}, {@code charge.refunded} ...)
 * @param paymentReference the PaymentIntent the event is about ({@code pi_...}), when it is about one
 * @param outcome the charge's new outcome for {@code payment_intent.succeeded|processing|payment_failed} and
 *     {@code charge.failed} (an ACH return after success is a Declined); null for other events
 * @param amountMinor the amount the event is about, in the currency's minor units: refunded so far for
 *     {@code charge.refunded}, disputed for {@code charge.dispute.created}; null otherwise
 * @param paydeskCustomerId the Paydesk customer of a {@code setup_intent.succeeded}, from the SetupIntent's metadata
 * @param paymentMethod the PaymentMethod a {@code setup_intent.succeeded} saved
 */
public record StripeWebhookEvent(String eventId, String type, String paymentReference, PaymentOutcome outcome,
        Long amountMinor, String paydeskCustomerId, String paymentMethod) {

    public StripeWebhookEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
    }
}
