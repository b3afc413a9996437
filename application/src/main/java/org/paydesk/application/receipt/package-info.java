/**
 * Receipts: the customer is mailed a receipt for each payment that went through and a notice for each refund the
 * processor took, through the notification outbox, in the transaction that records them. Nothing depends on this
 * area; it follows the payment area's events.
 */
package org.paydesk.application.receipt;
