package org.paydesk.domain.order;

/** {@code OPEN -> CONFIRMED | CANCELLED}; both ends are final. */
public enum OrderStatus {
    OPEN, CONFIRMED, CANCELLED
}
