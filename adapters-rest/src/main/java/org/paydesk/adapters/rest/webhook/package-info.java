/** Notifications from the payment processor (Stripe webhooks), authorised by their signature alone. */
package org.paydesk.adapters.rest.webhook;
