/**
 * Payments in table {@code payment}, where their money went in {@code payment_allocation} (written once, never
 * changed) and every call of the processor in {@code payment_attempt}.
 */
package org.paydesk.adapters.persistence.payment;
