package org.paydesk.adapters.processor.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import java.util.Objects;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentOutcome;

/**
 * Verifies a Stripe webhook with the endpoint's signing secret ({@code paydesk.stripe.webhook-secret}) and reads it
 * into a {@link StripeWebhookEvent}: the signature must be Stripe's HMAC-SHA256 over {@code t.payload} and no older than
 * Stripe's default tolerance of five minutes, or nothing is read. For the webhook resource, through a port the
 * application will name; the signing secret is never logged or put in a message.
 */
public final class StripeWebhooks {

    /** Stripe's default: a signature older than this is refused, against replays. */
    static final long TOLERANCE_SECONDS = 300;

    private final String signingSecret;

    public StripeWebhooks(String signingSecret) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException(StripeSettings.WEBHOOK_SECRET + " is required to verify webhooks");
        }
        this.signingSecret = signingSecret;
    }

    /** With the configured signing secret. */
    public static StripeWebhooks of(StripeSettings settings) {
        return new StripeWebhooks(Objects.requireNonNull(settings, "settings").webhookSecret());
    }

    /**
     * @throws IllegalArgumentException when the signature is missing, wrong or too old, or the payload is not an
     *     event; the caller answers 400 and Stripe sends it again later
     */
    public StripeWebhookEvent read(String payload, String signatureHeader) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, signingSecret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException refused) {
            throw new IllegalArgumentException("the Stripe-Signature does not verify with the endpoint's secret");
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("the webhook payload is not a Stripe event");
        }
        StripeObject object;
        try {
            // The event may come from another API version than stripe-java's; read it all the same.
            object = event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException unreadable) {
            throw new IllegalArgumentException("the event's object cannot be read: " + event.getType());
        }
        String type = event.getType();
        if (object instanceof PaymentIntent intent) {
            return new StripeWebhookEvent(event.getId(), type, intent.getId(), outcomeOf(type, intent),
                    intent.getAmount(), null, null);
        }
        if (object instanceof Charge charge) {
            PaymentOutcome outcome = "charge.failed".equals(type) ? new PaymentOutcome.Declined(
                    charge.getPaymentIntent(), new PaymentFailure(charge.getFailureCode() == null ? "charge_failed"
                            : charge.getFailureCode(), null, charge.getFailureMessage() == null
                            ? "The charge failed." : StripePaymentProcessor.safe(charge.getFailureMessage())))
                    : null;
            return new StripeWebhookEvent(event.getId(), type, charge.getPaymentIntent(), outcome,
                    "charge.refunded".equals(type) ? charge.getAmountRefunded() : charge.getAmount(), null, null);
        }
        if (object instanceof Dispute dispute) {
            return new StripeWebhookEvent(event.getId(), type, dispute.getPaymentIntent(), null, dispute.getAmount(),
                    null, null);
        }
        if (object instanceof SetupIntent setup) {
            String customer = setup.getMetadata() == null ? null
                    : setup.getMetadata().get(StripePaymentProcessor.CUSTOMER_ID);
            return new StripeWebhookEvent(event.getId(), type, null, null, null, customer, setup.getPaymentMethod());
        }
        return new StripeWebhookEvent(event.getId(), type, null, null, null, null, null);
    }

    private static PaymentOutcome outcomeOf(String type, PaymentIntent intent) {
        switch (type) {
            case "payment_intent.succeeded":
                return new PaymentOutcome.Succeeded(intent.getId());
            case "payment_intent.processing":
                return new PaymentOutcome.Processing(intent.getId());
            case "payment_intent.payment_failed":
                StripeError error = intent.getLastPaymentError();
                return new PaymentOutcome.Declined(intent.getId(), new PaymentFailure(
                        error == null || error.getCode() == null ? "payment_failed" : error.getCode(),
                        error == null ? null : error.getDeclineCode(),
                        error == null || error.getMessage() == null ? "The payment failed."
                                : StripePaymentProcessor.safe(error.getMessage())));
            default:
                return null;
        }
    }
}
