package org.paydesk.adapters.persistence.paymentmethod;

import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.paymentmethod.PaymentMethodRequest;
import org.paydesk.domain.paymentmethod.PaymentMethodRequestId;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/**
 * Between {@link PaymentMethodRequest} and its row; the version travels into the domain object so stale updates
 * fail.
 */
final class PaymentMethodRequestEntityMapper {

    static final int ACTOR_WIDTH = 255;

    private PaymentMethodRequestEntityMapper() {
    }

    static PaymentMethodRequest toDomain(PaymentMethodRequestEntity entity) {
        return PaymentMethodRequest.restore(new PaymentMethodRequestId(entity.id()),
                new CustomerId(entity.customerId()), entity.recipientEmail(), entity.secretHash(), entity.sentBy(),
                entity.sentAt(), entity.expiresAt(), entity.openedAt(), entity.completedAt(),
                entity.completedWith() == null ? null : new PaymentMethodTokenId(entity.completedWith()),
                entity.revokedAt(), entity.revokedBy(), entity.version());
    }

    /** Who sent or revoked a link is shortened to its column as in the audit trail, never failing the change. */
    static PaymentMethodRequestEntity toNewEntity(PaymentMethodRequest request) {
        PaymentMethodRequestEntity entity = new PaymentMethodRequestEntity(request.id().value(),
                request.customerId().value(), request.recipientEmail(), request.secretHash(),
                Columns.truncate(request.sentBy(), ACTOR_WIDTH), request.sentAt(), request.expiresAt());
        copyChanges(request, entity);
        return entity;
    }

    /** Copies what may change after sending: opened, completed (and with which method), revoked (and by whom). */
    static void copyChanges(PaymentMethodRequest request, PaymentMethodRequestEntity entity) {
        entity.changeProgress(request.openedAt(), request.completedAt(),
                request.completedWith() == null ? null : request.completedWith().value(), request.revokedAt(),
                Columns.truncate(request.revokedBy(), ACTOR_WIDTH));
    }
}
