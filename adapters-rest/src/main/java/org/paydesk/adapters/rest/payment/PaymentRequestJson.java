package org.paydesk.adapters.rest.payment;

import java.util.List;
import org.paydesk.adapters.rest.shared.MoneyJson;

/**
 * Body of {@code POST /payments} and {@code POST /payments/preview}. Without {@code allocations} the money is applied
 * oldest due first; with them, exactly as listed; whatever is not applied becomes customer credit.
 */
public record PaymentRequestJson(Long customerId, MoneyJson amount, PaymentMethodJson paymentMethod,
        List<AllocationRequestJson> allocations, Boolean savePaymentMethod) {

    /**
     * Either {@code type} (card, ach, apple_pay or google_pay) with {@code token} (a processor token, pm_...), or
     * {@code savedMethodId}, one of the customer's saved methods (charged off-session).
     */
    public record PaymentMethodJson(String type, String token, Long savedMethodId) {
    }

    /** Apply {@code amount} to invoice {@code receivableId}. */
    public record AllocationRequestJson(Long receivableId, MoneyJson amount) {
    }
}
