/** Notifications (e-mail) through an outbox: sent after commit, retried until delivered. */
package org.paydesk.application.notification;
