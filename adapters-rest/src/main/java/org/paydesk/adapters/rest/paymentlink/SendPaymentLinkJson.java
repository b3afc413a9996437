package org.paydesk.adapters.rest.paymentlink;

/** Body of {@code POST .../payment-links} and {@code .../statement-links}: whom to send the mail to. */
public record SendPaymentLinkJson(String email) {
}
