/**
 * Payment links in table {@code payment_link} with their invoices in {@code payment_link_invoice}, found by the hash
 * of their secret.
 */
package org.paydesk.adapters.persistence.paymentlink;
