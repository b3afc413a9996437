package org.paydesk.adapters.rest.payment;

import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.adapters.rest.shared.PaymentMethodTypes;
import org.paydesk.application.payment.port.in.PaymentSummary;
import org.paydesk.domain.payment.Payment;

/**
 * A payment as the history lists it: the same facts as a row of the CSV export, with the processing fee and the net.
 * No method token (the detail has it).
 */
public record PaymentSummaryJson(long id, String createdAt, long customerId, String status, String method,
        String channel, MoneyJson amount, MoneyJson refunded, MoneyJson fee, MoneyJson net, String processorReference,
        String updatedAt) {

    public static PaymentSummaryJson of(PaymentSummary summary) {
        Payment payment = summary.payment();
        return new PaymentSummaryJson(payment.id().value(), payment.createdAt().toString(),
                payment.customerId().value(), payment.status().name(),
                PaymentMethodTypes.toJson(payment.method().type()), payment.channel().name(),
                MoneyJson.of(payment.amount()), MoneyJson.of(payment.refunded()), MoneyJson.of(summary.fee()),
                MoneyJson.of(summary.net()), payment.processorReference(), payment.updatedAt().toString());
    }
}
