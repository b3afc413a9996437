package org.paydesk.domain.cart;

/** {@code OPEN} while the buyer shops; {@code CHECKED_OUT} once it became an order (its lines are then frozen). */
public enum CartStatus {
    OPEN, CHECKED_OUT
}
