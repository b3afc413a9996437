/** What e-commerce offers its callers. */
package org.paydesk.application.cart.port.in;
