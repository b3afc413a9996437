package org.paydesk.domain.payment;

/** Where in the business the payment was taken. */
public enum PaymentChannel {
    ACCOUNTS_RECEIVABLE, ORDER_ENTRY, ECOMMERCE, PAYMENT_LINK
}
