package org.paydesk.adapters.rest.paymentmethod;

/** Body of {@code POST /customers/{id}/payment-methods}: a tokenized method to save. */
public record AddPaymentMethodJson(Method paymentMethod, Boolean makeDefault) {

    /** {@code type} card, ach, apple_pay or google_pay; {@code token} the processor's pm_... token. */
    public record Method(String type, String token) {
    }
}
