/**
 * Saved payment methods in table {@code payment_method} (processor tokens and display facts, never a card or
 * account number) and "request payment method" links in {@code payment_method_request}, found by the hash of
 * their secret.
 */
package org.paydesk.adapters.persistence.paymentmethod;
