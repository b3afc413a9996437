package org.paydesk.domain.paymentlink;

/** What the link was sent with: one invoice, or a statement of the customer's open invoices. */
public enum PaymentLinkKind {
    INVOICE, STATEMENT
}
