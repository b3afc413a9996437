package org.paydesk.adapters.persistence.paymentmethod;

import org.paydesk.adapters.persistence.shared.Columns;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.paymentmethod.PaymentMethodToken;
import org.paydesk.domain.paymentmethod.PaymentMethodTokenId;

/** Between {@link PaymentMethodToken} and its row; the version travels into the domain object so stale updates fail. */
final class PaymentMethodEntityMapper {

    static final int BRAND_WIDTH = 50;
    static final int BANK_NAME_WIDTH = 200;

    private PaymentMethodEntityMapper() {
    }

    static PaymentMethodToken toDomain(PaymentMethodEntity entity) {
        DisplayFacts facts = new DisplayFacts(entity.brand(), entity.last4(), entity.expMonth(), entity.expYear(),
                entity.bankName());
        return PaymentMethodToken.restore(new PaymentMethodTokenId(entity.id()), new CustomerId(entity.customerId()),
                new PaymentMethod(entity.methodType(), entity.processorToken()), facts, entity.createdAt(),
                entity.isDefault(), entity.version());
    }

    /**
     * The brand and bank name are the processor's texts for people; one longer than its column is shortened rather
     * than failing to save a method that is already attached at the processor.
     */
    static PaymentMethodEntity toNewEntity(PaymentMethodToken method) {
        DisplayFacts facts = method.facts();
        return new PaymentMethodEntity(method.id().value(), method.customerId().value(), method.type(),
                method.processorToken(), Columns.truncate(facts.brand(), BRAND_WIDTH), facts.last4(),
                facts.expMonth(), facts.expYear(), Columns.truncate(facts.bankName(), BANK_NAME_WIDTH),
                method.isDefault(), method.createdAt());
    }

    /** Copies what may change after saving: the default flag. */
    static void copyChanges(PaymentMethodToken method, PaymentMethodEntity entity) {
        entity.changeDefault(method.isDefault());
    }
}
