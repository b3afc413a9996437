/**
 * REST resources and wire formats: order. Order Entry (place, search, confirm on account, cancel) and Pay &amp;
 * Confirm; the order-and-payment answer that e-commerce checkout shares.
 */
package org.paydesk.adapters.rest.order;
