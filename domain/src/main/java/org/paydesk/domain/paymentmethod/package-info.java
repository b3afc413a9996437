/**
 * Saved payment methods (processor tokens with display facts, never numbers) and the single-use, four-hour links
 * that let a customer add one themselves.
 */
package org.paydesk.domain.paymentmethod;
