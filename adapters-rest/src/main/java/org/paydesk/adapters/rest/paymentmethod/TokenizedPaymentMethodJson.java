package org.paydesk.adapters.rest.paymentmethod;

import java.util.Locale;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;

/** A processor token and what may be shown of the method behind it. */
public record TokenizedPaymentMethodJson(String token, String type, String brand, String last4, Integer expMonth,
        Integer expYear, String bankName) {

    static TokenizedPaymentMethodJson of(TokenizedPaymentMethod method) {
        return new TokenizedPaymentMethodJson(method.token(), method.type().name().toLowerCase(Locale.ROOT),
                method.brand(), method.last4(), method.expMonth(), method.expYear(), method.bankName());
    }
}
