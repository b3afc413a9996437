/** What e-commerce needs: a store of carts and the merchant's wallet settings. */
package org.paydesk.application.cart.port.out;
