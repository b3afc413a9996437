/**
 * A stateful local fake of Stripe's API for tests and local runs: answers with Stripe's own fixture objects adjusted to
 * each request, keeps customers, payment methods, PaymentIntents, SetupIntents, charges, refunds and events, honours
 * idempotency keys as Stripe documents them, validates requests against Stripe's OpenAPI spec, signs webhooks, and
 * injects faults on demand. Entry points: {@link org.paydesk.stripefake.StripeFake} (embedded) and
 * {@link org.paydesk.stripefake.StripeFakeMain} (its own process).
 */
package org.paydesk.stripefake;
