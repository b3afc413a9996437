package org.paydesk.domain.payment;

import java.util.Objects;
import java.util.regex.Pattern;
import org.paydesk.domain.shared.DomainException;

/**
 * What the payer pays with: a method type and the processor's token for it ({@code pm_...}).
 *
 * <p>Invariant: only a processor token, never a card or account number, can be held here.
 */
public record PaymentMethod(PaymentMethodType type, String token) {

    private static final Pattern TOKEN = Pattern.compile("pm_[A-Za-z0-9_]{1,250}");

    public PaymentMethod {
        if (type == null) {
            throw new DomainException("required", "paymentMethod.type", "paymentMethod.type is required");
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new DomainException("invalid_payment_method_token", "paymentMethod.token",
                    "paymentMethod.token must be a processor token (pm_...); card numbers are never accepted");
        }
        Objects.requireNonNull(token);
    }
}
