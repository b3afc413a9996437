/** What the payment use cases need from the outside: storage and the processor. */
package org.paydesk.application.payment.port.out;
