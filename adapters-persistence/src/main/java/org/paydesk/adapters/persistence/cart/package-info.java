/**
 * E-commerce carts in table {@code cart}, their lines in {@code cart_line}, and the merchant's wallet choice in
 * {@code merchant_setting} (falling back to the configured {@code paydesk.checkout.wallets}).
 */
package org.paydesk.adapters.persistence.cart;
