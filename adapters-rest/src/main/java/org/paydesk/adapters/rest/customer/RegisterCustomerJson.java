package org.paydesk.adapters.rest.customer;

/** Body of {@code POST /customers}. */
public record RegisterCustomerJson(String number, String name, String email, String currency) {
}
