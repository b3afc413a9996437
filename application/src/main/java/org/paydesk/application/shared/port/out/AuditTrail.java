package org.paydesk.application.shared.port.out;

import java.util.List;

/** Append-only record of every state change: who, what, when, outcome, from where. */
public interface AuditTrail {

    void record(AuditEntry entry);

    /**
     * Every record about one subject, oldest first (records written at the same instant in the order they were
     * written). Reads only; the trail never changes a record.
     *
     * @param subjectType e.g. {@code payment}, {@code customer}
     * @param subjectId the subject's id as recorded
     */
    List<AuditEntry> about(String subjectType, String subjectId);
}
