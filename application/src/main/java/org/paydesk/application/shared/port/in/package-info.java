/** Operations that concern Paydesk as a whole. */
package org.paydesk.application.shared.port.in;
