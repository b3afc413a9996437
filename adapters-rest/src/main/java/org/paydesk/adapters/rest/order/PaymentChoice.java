package org.paydesk.adapters.rest.order;

import java.util.Locale;
import org.paydesk.adapters.rest.shared.Fields;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/**
 * What a Pay &amp; Confirm or checkout body chose to pay with: a method given now or a saved one, and whether to keep
 * it. Every fault is recorded under the field the client sent.
 *
 * @param method the method given now, or null when {@code savedMethod} is set
 */
public record PaymentChoice(PaymentMethod method, PaymentMethodTokenId savedMethod, boolean save) {

    /** Reads the choice, or records what is wrong with it in {@code fields} and answers null. */
    public static PaymentChoice read(PayJson in, Fields fields) {
        PayJson.MethodJson given = in.paymentMethod();
        Long saved = in.savedMethodId();
        String savedField = "savedMethodId";
        if (given != null && given.savedMethodId() != null) {
            if (saved != null) {
                fields.add("paymentMethod.savedMethodId", "invalid_request",
                        "give savedMethodId once, at the top level or in paymentMethod");
                return null;
            }
            saved = given.savedMethodId();
            savedField = "paymentMethod.savedMethodId";
            if (given.type() != null || given.token() != null) {
                fields.add("paymentMethod", "invalid_request",
                        "give either a saved method or a type and token, not both");
                return null;
            }
            given = null;
        }
        boolean save = Boolean.TRUE.equals(in.saveForFuturePayments()) || Boolean.TRUE.equals(in.savePaymentMethod());
        if (given == null && saved == null) {
            fields.add("paymentMethod", "required", "paymentMethod (type and token) or savedMethodId is required");
            return null;
        }
        if (given != null && saved != null) {
            fields.add("savedMethodId", "invalid_request", "give either paymentMethod or savedMethodId, not both");
            return null;
        }
        if (saved != null) {
            if (saved <= 0) {
                fields.add(savedField, "payment_method_not_found", "no saved method " + saved);
                return null;
            }
            if (save) {
                fields.add("saveForFuturePayments", "already_saved", "a saved method needs no saving");
                return null;
            }
            return new PaymentChoice(null, new PaymentMethodTokenId(saved), false);
        }
        PayJson.MethodJson method = given;
        PaymentMethodType type = type(method.type(), fields);
        if (type == null) {
            return null;
        }
        PaymentMethod chosen = fields.attempt("paymentMethod", () -> new PaymentMethod(type, method.token()));
        return chosen == null ? null : new PaymentChoice(chosen, null, save);
    }

    /** CARD, ACH, APPLE_PAY, GOOGLE_PAY in any case ({@code apple_pay} as {@code POST /payments} spells it). */
    static PaymentMethodType type(String type, Fields fields) {
        if (type == null) {
            fields.add("paymentMethod.type", "required", "paymentMethod.type is required");
            return null;
        }
        for (PaymentMethodType candidate : PaymentMethodType.values()) {
            if (candidate.name().equals(type.toUpperCase(Locale.ROOT))) {
                return candidate;
            }
        }
        fields.add("paymentMethod.type", "invalid_payment_method_type",
                "paymentMethod.type must be one of CARD, ACH, APPLE_PAY, GOOGLE_PAY");
        return null;
    }
}
