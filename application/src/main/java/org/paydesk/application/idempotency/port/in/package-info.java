/** Idempotency keys, for every state-changing request. */
package org.paydesk.application.idempotency.port.in;
