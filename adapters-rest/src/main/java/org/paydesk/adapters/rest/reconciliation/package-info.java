/**
 * Reconciliation seen from outside: the staff list of payments and refunds the processor has not settled, and the
 * timer that runs the reconciler.
 */
package org.paydesk.adapters.rest.reconciliation;
