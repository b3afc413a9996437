/** REST resources and wire formats: receivable. */
package org.paydesk.adapters.rest.receivable;
