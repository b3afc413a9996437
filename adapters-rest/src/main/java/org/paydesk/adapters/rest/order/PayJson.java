package org.paydesk.adapters.rest.order;

/**
 * Body of {@code POST /orders/{id}/pay-and-confirm} and {@code POST /carts/{id}/checkout}: either
 * {@code paymentMethod} ({@code type} CARD, ACH, APPLE_PAY or GOOGLE_PAY, any case, and the processor's {@code token})
 * or {@code savedMethodId}, one of the customer's saved methods ({@code paymentMethod.savedMethodId} is read too, as
 * {@code POST /payments} takes it). {@code saveForFuturePayments} (alias {@code savePaymentMethod}) keeps the method.
 */
public record PayJson(MethodJson paymentMethod, Long savedMethodId, Boolean saveForFuturePayments,
        Boolean savePaymentMethod) {

    /** A method given now, or a saved one by id. */
    public record MethodJson(String type, String token, Long savedMethodId) {
    }
}
