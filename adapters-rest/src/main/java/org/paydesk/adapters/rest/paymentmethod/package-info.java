/** REST resources and wire formats: paymentmethod. */
package org.paydesk.adapters.rest.paymentmethod;
