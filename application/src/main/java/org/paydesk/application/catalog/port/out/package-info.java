/** What the catalogue needs: a store of items. */
package org.paydesk.application.catalog.port.out;
