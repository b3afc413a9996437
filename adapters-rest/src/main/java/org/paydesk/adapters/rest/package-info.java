/** The REST adapter: resources under /api/v1, mapped onto the application's use-case ports. */
package org.paydesk.adapters.rest;
