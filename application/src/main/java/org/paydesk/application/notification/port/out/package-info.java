/** What notification delivery needs: the outbox and a mail transport. */
package org.paydesk.application.notification.port.out;
