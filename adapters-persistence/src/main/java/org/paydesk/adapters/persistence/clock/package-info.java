/** The clock Paydesk reads time from. */
package org.paydesk.adapters.persistence.clock;
