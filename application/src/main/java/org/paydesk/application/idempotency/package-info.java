/** Idempotency of state-changing requests. */
package org.paydesk.application.idempotency;
