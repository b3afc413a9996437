/** What staff and the hosted link page ask of payment links. */
package org.paydesk.application.paymentlink.port.in;
