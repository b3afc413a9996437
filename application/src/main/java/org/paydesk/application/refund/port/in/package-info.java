/** Use cases of refunds: give money back from a payment, list a payment's refunds. */
package org.paydesk.application.refund.port.in;
