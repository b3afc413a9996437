/**
 * The reconciliation queue in table {@code reconciliation_follow_up}: one row per payment or refund awaiting the
 * processor's final word, taken by one node at a time through a lease on its due time.
 */
package org.paydesk.adapters.persistence.reconciliation;
