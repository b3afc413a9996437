/** What callers may do with payments. */
package org.paydesk.application.payment.port.in;
