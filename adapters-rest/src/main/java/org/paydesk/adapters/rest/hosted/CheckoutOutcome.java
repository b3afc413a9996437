package org.paydesk.adapters.rest.hosted;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.shared.Money;

/**
 * What a checkout post ended in, as kept under its idempotency key: the payment's id, state, method type and amount,
 * the order it was taken for, and for a decline Paydesk's failure code and the processor's decline code (never the
 * processor's message, which is written for staff). A replayed post renders the outcome page from this record, so it shows what the first post
 * showed without charging again.
 */
record CheckoutOutcome(long paymentId, PaymentStatus status, PaymentMethodType method, Money amount,
        String failureCode, String declineCode, Long orderId, String orderNumber) {

    /** Form encoding: nothing but this servlet reads the record back. */
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    CheckoutOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
    }

    /** @param order the order the payment was taken for, or null when it cannot be found */
    static CheckoutOutcome of(Payment payment, SalesOrder order) {
        PaymentFailure failure = payment.failure();
        return new CheckoutOutcome(payment.id().value(), payment.status(), payment.method().type(), payment.amount(),
                failure == null ? null : failure.code(), failure == null ? null : failure.declineCode(),
                order == null ? null : order.id().value(), order == null ? null : order.number());
    }

    /** The record to keep: 200 for a payment that went through or is on its way, 402 for a decline. */
    StoredResponse stored() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("paymentId", Long.toString(paymentId));
        fields.put("status", status.name());
        fields.put("method", method.name());
        fields.put("amount", amount.toDecimalString());
        fields.put("currency", amount.currency().getCurrencyCode());
        fields.put("failureCode", failureCode);
        fields.put("declineCode", declineCode);
        fields.put("orderId", orderId == null ? null : Long.toString(orderId));
        fields.put("orderNumber", orderNumber);
        String body = fields.entrySet().stream().filter(field -> field.getValue() != null)
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new StoredResponse(status == PaymentStatus.FAILED ? 402 : 200, CONTENT_TYPE, null, body);
    }

    /** @throws IllegalArgumentException when the stored record is not one this class wrote */
    static CheckoutOutcome from(StoredResponse stored) {
        if (!CONTENT_TYPE.equals(stored.contentType())) {
            throw new IllegalArgumentException("not a checkout outcome: " + stored.contentType());
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : stored.body().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        try {
            return new CheckoutOutcome(Long.parseLong(fields.get("paymentId")),
                    PaymentStatus.valueOf(fields.get("status")), PaymentMethodType.valueOf(fields.get("method")),
                    Money.parse(fields.get("amount"), fields.get("currency")), fields.get("failureCode"),
                    fields.get("declineCode"), fields.containsKey("orderId") ? Long.valueOf(fields.get("orderId")) : null,
                    fields.get("orderNumber"));
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("not a checkout outcome", malformed);
        }
    }
}
