/**
 * Hosted pages for customers under {@code /pay/...}: plain servlets, no sign-in. The link's secret is the only
 * authorisation, so every page here is CSRF-checked on POST, changes nothing on GET, sends a strict
 * Content-Security-Policy, answers every dead link with the same 410 page, and rate-limits wrong secrets.
 */
package org.paydesk.adapters.rest.hosted;
