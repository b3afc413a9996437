package org.paydesk.application.fake;

import java.util.ArrayList;
import java.util.List;
import org.paydesk.application.shared.port.out.AuditEntry;
import org.paydesk.application.shared.port.out.AuditTrail;

/** Keeps every audit entry, in order, for the test to read. Append-only, like the real trail. */
public final class RecordingAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    public List<String> actions() {
        return entries.stream().map(AuditEntry::action).toList();
    }

    @Override
    public List<AuditEntry> about(String subjectType, String subjectId) {
        return entries.stream().filter(entry -> entry.subjectType().equals(subjectType)
                && entry.subjectId().equals(subjectId)).toList();
    }

    /** The entries about one subject (e.g. a payment id), in order. */
    public List<AuditEntry> about(String subjectId) {
        return entries.stream().filter(entry -> entry.subjectId().equals(subjectId)).toList();
    }
}
