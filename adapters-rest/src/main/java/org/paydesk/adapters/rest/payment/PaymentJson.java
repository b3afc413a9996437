package org.paydesk.adapters.rest.payment;

import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.adapters.rest.shared.PaymentMethodTypes;
import org.paydesk.domain.payment.Allocation;
import org.paydesk.domain.payment.Payment;

/** A payment as the API shows it: what was paid, how, where it went, and how it stands. */
public record PaymentJson(long id, long customerId, String status, MoneyJson amount, MethodJson paymentMethod,
        String channel, List<AllocationJson> allocations, MoneyJson unapplied, MoneyJson refunded, FailureJson failure,
        String processorReference, String createdAt, String updatedAt) {

    /** How it was paid. */
    public record MethodJson(String type, String token) {
    }

    /** Money applied to one invoice. */
    public record AllocationJson(long receivableId, String invoiceNumber, MoneyJson amount) {

        /** One allocation (or reversal) as the API shows it. */
        public static AllocationJson of(Allocation allocation) {
            return new AllocationJson(allocation.receivableId().value(), allocation.receivableNumber(),
                    MoneyJson.of(allocation.amount()));
        }
    }

    /** Why it failed: Paydesk's code and the processor's decline code. */
    public record FailureJson(String code, String declineCode, String message) {
    }

    /** The payment as the API shows it. */
    public static PaymentJson of(Payment payment) {
        return new PaymentJson(payment.id().value(), payment.customerId().value(), payment.status().name(),
                MoneyJson.of(payment.amount()),
                new MethodJson(PaymentMethodTypes.toJson(payment.method().type()), payment.method().token()),
                payment.channel().name(), payment.allocations().stream().map(AllocationJson::of).toList(),
                MoneyJson.of(payment.unapplied()), MoneyJson.of(payment.refunded()),
                payment.failure() == null ? null : new FailureJson(payment.failure().code(),
                        payment.failure().declineCode(), payment.failure().message()),
                payment.processorReference(), payment.createdAt().toString(), payment.updatedAt().toString());
    }
}
