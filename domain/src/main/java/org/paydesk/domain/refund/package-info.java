/** Money given back to a customer from a payment that went through, and its way through the processor. */
package org.paydesk.domain.refund;
