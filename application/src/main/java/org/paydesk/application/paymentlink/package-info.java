/**
 * Payment links: staff email an invoice (or a statement of a customer's open invoices) as a PDF with a Pay link;
 * the customer opens the hosted page by the link's secret and pays the current open balance through the usual
 * payment path. Only the secret's hash is stored; the clear secret is in the e-mail alone.
 */
package org.paydesk.application.paymentlink;
