/** E-commerce carts: a buyer's lines, priced from the catalogue, until checkout turns them into an order. */
package org.paydesk.domain.cart;
