package org.paydesk.application.notification;

import java.util.Map;
import java.util.Objects;

/**
 * A message to send, as data: what kind it is (which template), to whom, and the values the template fills in.
 * It goes through the outbox, so it is sent only after the change it reports has committed.
 */
public record Notification(String kind, String recipient, Map<String, String> values) {

    /** A customer is asked to add a payment method; values: customerName, requestedBy, linkPath, expiresAt. */
    public static final String PAYMENT_METHOD_REQUEST = "payment-method-request";

    /**
     * A customer's payment went through; values: customerName, customerNumber, paymentId, amount, method, paidAt,
     * paidInvoices (one "number: amount" line per invoice, or a sentence saying none), creditKept.
     */
    public static final String PAYMENT_RECEIPT = "payment-receipt";

    /**
     * The processor took a refund; values: customerName, customerNumber, refundId, amount, paymentId, paymentAmount,
     * paidAt (when the payment was made), method, requestedAt, expectedTiming (a sentence).
     */
    public static final String REFUND_NOTICE = "refund-notice";

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        values = Map.copyOf(values);
    }

    @Override
    public String toString() {
        // Values can hold a link's secret: never print them.
        return "Notification[" + kind + " to " + recipient + "]";
    }
}
