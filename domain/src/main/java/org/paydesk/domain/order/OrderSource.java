package org.paydesk.domain.order;

/** Where an order came from: an enterprise application, staff in Order Entry, or a buyer's e-commerce cart. */
public enum OrderSource {
    INTEGRATION, STAFF, ECOMMERCE
}
