/**
 * Payments in table {@code payment}, where their money went in {@code payment_allocation} (written once, never
 * changed), every call of the processor in {@code payment_attempt}, and the processor's events already applied in
 * {@code processor_event}.
 */
package org.paydesk.adapters.persistence.payment;
