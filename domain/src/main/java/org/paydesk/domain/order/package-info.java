/** Sales orders: what a customer ordered, its total, and whether it is open, confirmed or cancelled. */
package org.paydesk.domain.order;
