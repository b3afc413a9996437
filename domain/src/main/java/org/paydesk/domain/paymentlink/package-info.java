/**
 * Payment links: an emailed link that lets a customer pay one invoice, or the invoices of a statement, at their
 * current open balance; active for 24 hours from the first time it is opened, closed as soon as nothing is open.
 */
package org.paydesk.domain.paymentlink;
