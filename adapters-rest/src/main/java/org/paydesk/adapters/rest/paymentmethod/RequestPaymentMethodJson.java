package org.paydesk.adapters.rest.paymentmethod;

/** Body of {@code POST /customers/{id}/payment-method-requests}: whom to send the link to. */
public record RequestPaymentMethodJson(String email) {
}
