/** What every use case shares: who acts, paging, and the errors a use case can answer with. */
package org.paydesk.application.shared;
