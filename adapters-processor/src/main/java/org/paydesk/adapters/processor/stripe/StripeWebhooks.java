package org.paydesk.adapters.processor.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.paydesk.application.payment.port.out.InvalidProcessorEventException;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventReader;

/**
 * Stripe's webhooks read as {@link ProcessorEvent}s. The {@code Stripe-Signature} must be Stripe's HMAC-SHA256 over
 * {@code t.payload} under the endpoint's signing secret ({@code paydesk.stripe.webhook-secret}) and no older than
 * Stripe's default tolerance of {@value #TOLERANCE_SECONDS} seconds, or nothing is read. The signing secret is never
 * logged or put in a message.
 *
 * <p>An event only says which charge to read again
 * ({@link org.paydesk.application.payment.port.out.PaymentProcessor#lookup}):
 * <ul>
 *   <li>{@code payment_intent.succeeded|processing|payment_failed|canceled} and {@code charge.succeeded|failed|pending}
 *       are {@link ProcessorEvent.Kind#PAYMENT_CHANGED}, about the PaymentIntent (a charge's
 *       {@code payment_intent}), with the Paydesk payment id from the object's metadata
 *       ({@value StripePaymentProcessor#PAYMENT_ID}) when it carries one;</li>
 *   <li>{@code charge.refunded}, {@code charge.refund.updated} and {@code refund.*} are
 *       {@link ProcessorEvent.Kind#REFUND_CHANGED}, about the refunded PaymentIntent;</li>
 *   <li>{@code charge.dispute.created} is {@link ProcessorEvent.Kind#DISPUTE_OPENED}, about the disputed
 *       PaymentIntent;</li>
 *   <li>{@code setup_intent.succeeded} is {@link ProcessorEvent.Kind#PAYMENT_METHOD_SAVED}, with the Paydesk customer
 *       id from the SetupIntent's metadata ({@value StripePaymentProcessor#CUSTOMER_ID}) and the saved
 *       PaymentMethod;</li>
 *   <li>anything else is {@link ProcessorEvent.Kind#OTHER}, and its object is not read.</li>
 * </ul>
 */
final class StripeWebhooks implements ProcessorEventReader {

    /** Stripe's default: a signature older than this is refused, against replays. */
    static final long TOLERANCE_SECONDS = 300;

    private static final Set<String> PAYMENT_EVENTS = Set.of("payment_intent.succeeded",
            "payment_intent.processing", "payment_intent.payment_failed", "payment_intent.canceled",
            "charge.succeeded", "charge.failed", "charge.pending");
    private static final Set<String> REFUND_EVENTS = Set.of("charge.refunded", "charge.refund.updated");

    private final String signingSecret;
    private final Clock clock;

    StripeWebhooks(String signingSecret) {
        this(signingSecret, Clock.systemUTC());
    }

    /** With the clock the signature's age is measured by, for tests. */
    StripeWebhooks(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException(StripeSettings.WEBHOOK_SECRET + " is required to verify webhooks");
        }
        this.signingSecret = signingSecret;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws InvalidProcessorEventException when the signature is missing, wrong or too old, or the payload is not a
     *     Stripe event or its object cannot be read; the caller answers 400 and Stripe sends it again later
     */
    @Override
    public ProcessorEvent read(String payload, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidProcessorEventException("the webhook request has no Stripe-Signature header");
        }
        if (payload == null) {
            throw new InvalidProcessorEventException("the webhook request has no body");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, signingSecret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException refused) {
            // stripe-java's words ("Timestamp outside the tolerance zone" ...) name neither the secret nor the header.
            throw new InvalidProcessorEventException("the Stripe-Signature does not verify with the endpoint's "
                    + "signing secret within " + TOLERANCE_SECONDS + " s: "
                    + StripePaymentProcessor.safe(refused.getMessage()));
        } catch (RuntimeException malformed) {
            throw notAnEvent();
        }
        if (event == null || isBlank(event.getId()) || isBlank(event.getType())
                || (event.getObject() != null && !"event".equals(event.getObject()))) {
            throw notAnEvent();
        }
        String type = event.getType();
        ProcessorEvent.Kind kind = kindOf(type);
        if (kind == ProcessorEvent.Kind.OTHER) {
            return new ProcessorEvent(event.getId(), type, kind, null, null, null, null);
        }
        StripeObject object = objectOf(event);
        return switch (kind) {
            case PAYMENT_CHANGED -> paymentChanged(event, object);
            case REFUND_CHANGED -> refundChanged(event, object);
            case DISPUTE_OPENED -> {
                Dispute dispute = expect(Dispute.class, object, type);
                yield new ProcessorEvent(event.getId(), type, kind, dispute.getPaymentIntent(), null, null, null);
            }
            case PAYMENT_METHOD_SAVED -> {
                SetupIntent setup = expect(SetupIntent.class, object, type);
                yield new ProcessorEvent(event.getId(), type, kind, null, null,
                        number(setup.getMetadata(), StripePaymentProcessor.CUSTOMER_ID), setup.getPaymentMethod());
            }
            default -> throw new IllegalStateException("unmapped kind " + kind);
        };
    }

    static ProcessorEvent.Kind kindOf(String type) {
        if (PAYMENT_EVENTS.contains(type)) {
            return ProcessorEvent.Kind.PAYMENT_CHANGED;
        }
        if (REFUND_EVENTS.contains(type) || type.startsWith("refund.")) {
            return ProcessorEvent.Kind.REFUND_CHANGED;
        }
        if ("charge.dispute.created".equals(type)) {
            return ProcessorEvent.Kind.DISPUTE_OPENED;
        }
        if ("setup_intent.succeeded".equals(type)) {
            return ProcessorEvent.Kind.PAYMENT_METHOD_SAVED;
        }
        return ProcessorEvent.Kind.OTHER;
    }

    private static ProcessorEvent paymentChanged(Event event, StripeObject object) {
        if (object instanceof PaymentIntent intent) {
            return new ProcessorEvent(event.getId(), event.getType(), ProcessorEvent.Kind.PAYMENT_CHANGED,
                    intent.getId(), number(intent.getMetadata(), StripePaymentProcessor.PAYMENT_ID), null, null);
        }
        // A charge carries its PaymentIntent's metadata when Stripe copied it; otherwise the payment id stays unknown.
        Charge charge = expect(Charge.class, object, event.getType());
        return new ProcessorEvent(event.getId(), event.getType(), ProcessorEvent.Kind.PAYMENT_CHANGED,
                charge.getPaymentIntent(), number(charge.getMetadata(), StripePaymentProcessor.PAYMENT_ID), null,
                null);
    }

    private static ProcessorEvent refundChanged(Event event, StripeObject object) {
        String intent;
        if (object instanceof Charge charge) {
            intent = charge.getPaymentIntent();
        } else {
            intent = expect(Refund.class, object, event.getType()).getPaymentIntent();
        }
        return new ProcessorEvent(event.getId(), event.getType(), ProcessorEvent.Kind.REFUND_CHANGED, intent, null,
                null, null);
    }

    private static StripeObject objectOf(Event event) {
        StripeObject object;
        try {
            // The endpoint's API version may differ from stripe-java's; the fields read here are in every version.
            object = event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException unreadable) {
            throw notReadable(event.getType());
        }
        if (object == null) {
            throw notReadable(event.getType());
        }
        return object;
    }

    private static <T extends StripeObject> T expect(Class<T> type, StripeObject object, String eventType) {
        if (!type.isInstance(object)) {
            throw notReadable(eventType);
        }
        return type.cast(object);
    }

    /** A Paydesk id from metadata; null when absent or not a number (others' metadata is no reason to refuse). */
    private static Long number(Map<String, String> metadata, String key) {
        String value = metadata == null ? null : metadata.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static InvalidProcessorEventException notAnEvent() {
        return new InvalidProcessorEventException("the webhook payload is not a Stripe event");
    }

    private static InvalidProcessorEventException notReadable(String type) {
        return new InvalidProcessorEventException("the object of the " + type + " event cannot be read");
    }
}
