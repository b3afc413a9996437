package org.paydesk.adapters.rest.payment;

import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;

/**
 * Body of {@code POST /payments} and {@code POST /payments/preview}. Without {@code allocations} the money is applied
 * oldest due first; with them, exactly as listed; whatever is not applied becomes customer credit.
 */
public record PaymentRequestJson(Long customerId, MoneyJson amount, PaymentMethodJson paymentMethod,
        List<AllocationRequestJson> allocations) {

    /** {@code type} is card, ach, apple_pay or google_pay; {@code token} a processor token (pm_...). */
    public record PaymentMethodJson(String type, String token) {
    }

    /** Apply {@code amount} to invoice {@code receivableId}. */
    public record AllocationRequestJson(Long receivableId, MoneyJson amount) {
    }
}
