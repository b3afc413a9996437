/** REST resources and wire formats: cart. A buyer's e-commerce carts, their payment options and Pay &amp; Checkout. */
package org.paydesk.adapters.rest.cart;
