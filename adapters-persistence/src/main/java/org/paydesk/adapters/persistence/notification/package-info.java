/**
 * The mail outbox in table {@code mail_outbox}: notifications written in the transaction of the change they report,
 * claimed with a lease by a deliverer, retried until sent, and kept afterwards without their values.
 */
package org.paydesk.adapters.persistence.notification;
