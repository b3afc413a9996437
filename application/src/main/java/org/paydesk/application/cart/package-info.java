/** E-commerce: carts, payment options and Pay &amp; Checkout. */
package org.paydesk.application.cart;
