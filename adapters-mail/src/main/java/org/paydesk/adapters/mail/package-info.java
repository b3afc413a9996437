/**
 * The mail adapter: renders notifications from text and HTML templates and sends them through the server's Jakarta
 * Mail session ({@link org.paydesk.adapters.mail.JakartaMailTransport}), and drives the outbox on a timer
 * ({@link org.paydesk.adapters.mail.OutboxDeliveryTimer}). Values can hold a link's secret: nothing here logs them.
 */
package org.paydesk.adapters.mail;
