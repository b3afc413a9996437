package org.paydesk.adapters.rest.paymentmethod;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Locale;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;

/** A saved payment method: the processor token and what may be shown, never a number. */
public record PaymentMethodJson(long id, long customerId, String type, String token, String brand, String last4,
        Integer expMonth, Integer expYear, String bankName, @JsonbProperty("default") boolean isDefault,
        String createdAt) {

    static PaymentMethodJson of(PaymentMethodToken method) {
        return new PaymentMethodJson(method.id().value(), method.customerId().value(),
                method.type().name().toLowerCase(Locale.ROOT), method.processorToken(), method.facts().brand(),
                method.facts().last4(), method.facts().expMonth(), method.facts().expYear(),
                method.facts().bankName(), method.isDefault(), method.createdAt().toString());
    }
}
