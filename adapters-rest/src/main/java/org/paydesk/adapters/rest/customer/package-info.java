/** REST resources and wire formats: customer. */
package org.paydesk.adapters.rest.customer;
