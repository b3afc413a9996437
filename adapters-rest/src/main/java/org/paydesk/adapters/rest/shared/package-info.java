/** What every resource shares: problem+json errors, field-level input checks, idempotency, roles. */
package org.paydesk.adapters.rest.shared;
