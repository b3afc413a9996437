/** What the payment-method use cases need from the processor. */
package org.paydesk.application.paymentmethod.port.out;
