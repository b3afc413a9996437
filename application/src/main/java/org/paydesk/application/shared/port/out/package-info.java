/** Needs every use case shares: time and the audit trail. */
package org.paydesk.application.shared.port.out;
