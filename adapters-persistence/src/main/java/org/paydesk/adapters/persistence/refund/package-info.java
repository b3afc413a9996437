/**
 * Refunds in table {@code refund}, with the invoice balances each reopened in {@code refund_allocation} (written once
 * with the refund, never changed) and the customer credit it took in the refund's own row.
 */
package org.paydesk.adapters.persistence.refund;
