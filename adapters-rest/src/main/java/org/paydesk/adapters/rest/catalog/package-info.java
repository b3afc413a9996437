/** REST resources and wire formats: catalog. The items carts are priced from. */
package org.paydesk.adapters.rest.catalog;
