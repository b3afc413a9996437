/**
 * Driven adapters for Paydesk's processor ports: the in-process sandbox ({@code sandbox}) and Stripe
 * ({@code stripe}), and {@link org.paydesk.adapters.processor.SelectedProcessor}, the one bean of each port type,
 * which delegates to the processor named by {@code paydesk.processor}.
 */
package org.paydesk.adapters.processor;
