/** What Order Entry offers its callers. */
package org.paydesk.application.order.port.in;
