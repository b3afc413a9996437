/** What the catalogue offers its callers. */
package org.paydesk.application.catalog.port.in;
