/** Customers: who owes the invoices, and the credit that unapplied money becomes. */
package org.paydesk.domain.customer;
