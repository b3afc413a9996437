package org.paydesk.application.paymentmethod.port.in;

import java.util.Objects;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * What tokenization returns: the processor's token and the facts that may be shown (brand, last 4, expiry; bank
 * name, last 4). Never the number itself.
 */
public record TokenizedPaymentMethod(String token, PaymentMethodType type, String brand, String last4,
        Integer expMonth, Integer expYear, String bankName) {

    public TokenizedPaymentMethod {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(last4, "last4");
    }
}
