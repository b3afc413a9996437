/** What refunding a payment needs from the outside: the processor's refunds. */
package org.paydesk.application.refund.port.out;
