/** What callers may do with payment methods. */
package org.paydesk.application.paymentmethod.port.in;
