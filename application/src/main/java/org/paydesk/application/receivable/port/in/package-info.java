/** What callers may do with invoices. */
package org.paydesk.application.receivable.port.in;
