package org.paydesk.adapters.rest.paymentmethod;

import java.time.Instant;
import org.paydesk.application.paymentmethod.port.in.PaymentMethodRequestView;
import org.paydesk.domain.paymentmethod.PaymentMethodRequest;

/** A "request payment method" link as staff see it: never its secret. */
public record PaymentMethodRequestJson(long id, long customerId, String email, String status, String sentBy,
        String sentAt, String expiresAt, String openedAt, String completedAt, Long paymentMethodId,
        String revokedAt, String revokedBy) {

    static PaymentMethodRequestJson of(PaymentMethodRequestView view) {
        PaymentMethodRequest request = view.request();
        return new PaymentMethodRequestJson(request.id().value(), request.customerId().value(),
                request.recipientEmail(), view.status().name(), request.sentBy(), text(request.sentAt()),
                text(request.expiresAt()), text(request.openedAt()), text(request.completedAt()),
                request.completedWith() == null ? null : request.completedWith().value(),
                text(request.revokedAt()), request.revokedBy());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
