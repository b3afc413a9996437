package org.paydesk.adapters.rest.shared;

import java.util.Locale;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.shared.DomainException;

/** The wire names of method types: card, ach, apple_pay, google_pay. */
public final class PaymentMethodTypes {

    private PaymentMethodTypes() {
    }

    public static PaymentMethodType fromJson(String type) {
        if (type != null) {
            for (PaymentMethodType candidate : PaymentMethodType.values()) {
                if (toJson(candidate).equals(type)) {
                    return candidate;
                }
            }
        }
        throw new DomainException(type == null ? "required" : "invalid_payment_method_type", "type",
                "paymentMethod.type must be one of card, ach, apple_pay, google_pay");
    }

    public static String toJson(PaymentMethodType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
