/**
 * The Stripe adapter: Paydesk's processor ports over Stripe's API through stripe-java (PaymentIntents, Customers,
 * PaymentMethods, SetupIntents, Refunds), with Paydesk's own retries and idempotency keys, and Stripe's signed
 * webhooks read as Paydesk's processor events.
 */
package org.paydesk.adapters.processor.stripe;
