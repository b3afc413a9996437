/** REST resources and wire formats: payment. */
package org.paydesk.adapters.rest.payment;
