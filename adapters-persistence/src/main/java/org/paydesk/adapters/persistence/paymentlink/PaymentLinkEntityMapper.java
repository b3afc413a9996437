package org.paydesk.adapters.persistence.paymentlink;

import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.paymentlink.PaymentLink;
import org.paydesk.domain.paymentlink.PaymentLinkId;
import org.paydesk.domain.paymentlink.PaymentLinkKind;
import org.paydesk.domain.receivable.ReceivableId;

/** Between {@link PaymentLink} and its row; the version travels into the domain object so stale updates fail. */
final class PaymentLinkEntityMapper {

    static final int ACTOR_WIDTH = 255;

    private PaymentLinkEntityMapper() {
    }

    static PaymentLink toDomain(PaymentLinkEntity entity) {
        return PaymentLink.restore(new PaymentLinkId(entity.id()), PaymentLinkKind.valueOf(entity.kind()),
                new CustomerId(entity.customerId()), entity.invoices().stream().map(ReceivableId::new).toList(),
                entity.recipientEmail(), entity.secretHash(), entity.sentBy(), entity.sentAt(), entity.openedAt(),
                entity.lastPaymentId() == null ? null : new PaymentId(entity.lastPaymentId()),
                entity.lastPaymentAt(), entity.version());
    }

    static PaymentLinkEntity toNewEntity(PaymentLink link) {
        PaymentLinkEntity entity = new PaymentLinkEntity(link.id().value(), link.kind().name(),
                link.customerId().value(), link.invoices().stream().map(ReceivableId::value).toList(),
                link.recipientEmail(), link.secretHash(), Columns.truncate(link.sentBy(), ACTOR_WIDTH),
                link.sentAt());
        copyChanges(link, entity);
        return entity;
    }

    /** Copies what may change after sending: the first opening and the last payment taken through the link. */
    static void copyChanges(PaymentLink link, PaymentLinkEntity entity) {
        entity.changeProgress(link.openedAt(), link.lastPaymentId() == null ? null : link.lastPaymentId().value(),
                link.lastPaymentAt());
    }
}
