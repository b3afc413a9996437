/** The catalogue: items the distributor sells and the prices Paydesk holds for them. */
package org.paydesk.domain.catalog;
