package org.paydesk.domain.customer;

/**
 * How the distributor deals with one customer.
 *
 * @param requirePaymentOnConfirmation an order of this customer may be confirmed only with a payment that succeeded
 *     or is processing (Pay &amp; Confirm), never on account
 * @param paymentLinksEnabled invoices may be emailed to this customer with a link to pay them
 * @param receiptsEnabled the customer is emailed receipts and refund notices
 */
public record CustomerPreferences(boolean requirePaymentOnConfirmation, boolean paymentLinksEnabled,
        boolean receiptsEnabled) {

    /** What a newly registered customer gets: confirmation on account allowed, links and receipts on. */
    public static final CustomerPreferences DEFAULT = new CustomerPreferences(false, true, true);
}
