/**
 * Refunds: money given back from a payment that went through, taken first from the customer credit it created, then
 * from the invoices it paid (newest first), and followed at the processor to its end.
 */
package org.paydesk.application.refund;
