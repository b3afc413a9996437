package org.paydesk.domain.receivable;

/** Where an invoice stands, derived from its open balance. */
public enum ReceivableStatus {
    OPEN, PARTIALLY_PAID, PAID
}
