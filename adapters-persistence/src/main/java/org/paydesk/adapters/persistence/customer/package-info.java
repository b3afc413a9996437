/** Customers in table {@code customer}: their number, currency and credit, and the row lock on their money. */
package org.paydesk.adapters.persistence.customer;
