/** Storage for idempotency keys. */
package org.paydesk.application.idempotency.port.out;
