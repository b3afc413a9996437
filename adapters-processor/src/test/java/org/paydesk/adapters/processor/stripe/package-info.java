/** Tests of the Stripe adapter against the local Stripe fake: the shared contracts and Stripe's own rules. */
package org.paydesk.adapters.processor.stripe;
