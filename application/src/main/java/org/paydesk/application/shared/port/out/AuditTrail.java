package org.paydesk.application.shared.port.out;

/** Append-only record of every state change: who, what, when, outcome, from where. */
public interface AuditTrail {

    void record(AuditEntry entry);
}
