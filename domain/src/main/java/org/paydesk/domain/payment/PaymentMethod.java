package org.paydesk.domain.payment;

import java.util.Objects;
import java.util.regex.Pattern;
import org.paydesk.domain.shared.DomainException;

/**
 * What the payer pays with: a method type and the processor's token for it ({@code pm_...}).
 *
 * <p>Invariant: only a processor token, never a card or account number, can be held here. A token that holds a run
 * of 13 or more consecutive digits is refused even when well formed: it could carry a card number (13 to 19 digits).
 */
public record PaymentMethod(PaymentMethodType type, String token) {

    private static final Pattern TOKEN = Pattern.compile("pm_[A-Za-z0-9_]{1,250}");
    /** 13 consecutive digits: the shortest card number, and found in any longer run of digits too. */
    private static final Pattern CARD_NUMBER_LENGTH_DIGITS = Pattern.compile("\\d{13}");

    public PaymentMethod {
        if (type == null) {
            throw new DomainException("required", "paymentMethod.type", "paymentMethod.type is required");
        }
        if (token == null || !TOKEN.matcher(token).matches() || CARD_NUMBER_LENGTH_DIGITS.matcher(token).find()) {
            throw new DomainException("invalid_payment_method_token", "paymentMethod.token",
                    "paymentMethod.token must be a processor token (pm_...); card numbers are never accepted");
        }
        Objects.requireNonNull(token);
    }
}
