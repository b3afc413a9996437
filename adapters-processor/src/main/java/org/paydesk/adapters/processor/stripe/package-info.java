/**
 * The Stripe adapter: Paydesk's processor ports over Stripe's API through stripe-java (PaymentIntents, Customers,
 * PaymentMethods, SetupIntents, Refunds), with Paydesk's own retries and idempotency keys.
 */
package org.paydesk.adapters.processor.stripe;
