/** Delivering notifications. */
package org.paydesk.application.notification.port.in;
