package org.paydesk.adapters.rest.customer;

/** Body of {@code POST /customers/{id}/buyers}: an e-commerce login that acts for this customer. */
public record BuyerLinkJson(String login) {
}
