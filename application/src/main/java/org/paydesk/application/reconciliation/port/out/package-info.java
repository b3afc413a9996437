/** What reconciliation needs from the outside: the queue of checks to make. */
package org.paydesk.application.reconciliation.port.out;
