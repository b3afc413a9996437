/** What callers may do with customers. */
package org.paydesk.application.customer.port.in;
