/** Invoices in table {@code receivable}: their amounts and open balances, read oldest due first. */
package org.paydesk.adapters.persistence.receivable;
