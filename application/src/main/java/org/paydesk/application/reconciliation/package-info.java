/**
 * Reconciliation: payments and refunds whose processor answer was lost or is not final yet are asked about again,
 * on a backoff schedule, until the processor's truth settles them; what stays unresolved is listed for staff.
 */
package org.paydesk.application.reconciliation;
