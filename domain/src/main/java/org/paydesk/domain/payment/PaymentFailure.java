package org.paydesk.domain.payment;

import java.util.Objects;

/**
 * Why a payment failed: Paydesk's stable {@code code} (e.g. {@code card_declined}), the processor's decline
 * code where it gave one (e.g. {@code insufficient_funds}) and a message fit to show staff.
 */
public record PaymentFailure(String code, String declineCode, String message) {

    public PaymentFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
