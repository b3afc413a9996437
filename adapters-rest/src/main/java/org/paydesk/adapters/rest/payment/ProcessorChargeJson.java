package org.paydesk.adapters.rest.payment;

import org.paydesk.adapters.rest.shared.MoneyJson;
import org.paydesk.application.payment.port.out.ProcessorCharge;

/** A charge as the processor records it. */
public record ProcessorChargeJson(String reference, String idempotencyKey, MoneyJson amount, String status) {

    static ProcessorChargeJson of(ProcessorCharge charge) {
        return new ProcessorChargeJson(charge.reference(), charge.idempotencyKey(), MoneyJson.of(charge.amount()),
                charge.status());
    }
}
