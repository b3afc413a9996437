/** Where payment links are kept. */
package org.paydesk.application.paymentlink.port.out;
