/**
 * Sales orders in table {@code sales_order} and their lines in {@code sales_order_line} (written with the order, never
 * changed); Order Summary's search.
 */
package org.paydesk.adapters.persistence.order;
