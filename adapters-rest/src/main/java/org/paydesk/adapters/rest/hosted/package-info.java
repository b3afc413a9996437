/**
 * Hosted pages under {@code /pay/...}: plain servlets rendering server-side templates. The link pages
 * ({@code /pay/methods/{secret}}, {@code /pay/links/{secret}}) need no sign-in: the link's secret is the only authorisation, and they answer every
 * dead link with the same 410 page and rate-limit wrong secrets. The hosted checkout ({@code /pay/checkout/{cartId}})
 * is for signed-in buyers and their own carts only. Every page here is CSRF-checked on POST, changes nothing on GET
 * and sends a strict Content-Security-Policy.
 */
package org.paydesk.adapters.rest.hosted;
