/** Use cases of reconciliation: run the due checks, list what stays unresolved. */
package org.paydesk.application.reconciliation.port.in;
