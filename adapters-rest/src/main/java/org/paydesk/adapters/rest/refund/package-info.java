/** Refunds of a payment: give money back, list what was given back. */
package org.paydesk.adapters.rest.refund;
