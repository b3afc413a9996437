/**
 * Customers in table {@code customer}: their number, currency and credit, and the row lock on their money; and
 * which customer an e-commerce buyer's login acts for, in {@code buyer_account}.
 */
package org.paydesk.adapters.persistence.customer;
