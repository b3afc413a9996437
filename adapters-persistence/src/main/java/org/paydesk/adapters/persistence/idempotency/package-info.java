/**
 * Idempotency keys in table {@code idempotency_record}. Every operation commits in a transaction of its own, so a
 * claim is visible to a concurrent request at once and outlives a failed business transaction.
 */
package org.paydesk.adapters.persistence.idempotency;
