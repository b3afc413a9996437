/** The append-only audit trail in table {@code audit_record}: who changed what, when, from where, with what outcome. */
package org.paydesk.adapters.persistence.audit;
