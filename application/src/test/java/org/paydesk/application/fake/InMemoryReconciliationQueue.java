package org.paydesk.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paydesk.application.payment.port.out.FollowUp;
import org.paydesk.application.payment.port.out.ReconciliationQueue;
import org.paydesk.application.shared.Page;
import org.paydesk.application.shared.PageRequest;

/** Follow-ups in a map, keyed by subject and id, taken in due order. */
public final class InMemoryReconciliationQueue implements ReconciliationQueue {

    private final Map<String, FollowUp> open = new LinkedHashMap<>();

    @Override
    public synchronized void open(FollowUp.Subject subject, long subjectId, Instant now, Instant dueAt) {
        open.putIfAbsent(key(subject, subjectId), new FollowUp(subject, subjectId, 0, now, dueAt, null));
    }

    @Override
    public synchronized List<FollowUp> takeDue(Instant now, Instant leaseUntil, int limit) {
        List<FollowUp> due = open.values().stream().filter(followUp -> !followUp.dueAt().isAfter(now))
                .sorted(Comparator.comparing(FollowUp::dueAt)).limit(limit).toList();
        due.forEach(followUp -> open.put(key(followUp.subject(), followUp.subjectId()), new FollowUp(
                followUp.subject(), followUp.subjectId(), followUp.attempts(), followUp.since(), leaseUntil,
                followUp.lastResult())));
        return due;
    }

    @Override
    public synchronized void reschedule(FollowUp.Subject subject, long subjectId, Instant dueAt, String lastResult) {
        FollowUp followUp = open.get(key(subject, subjectId));
        if (followUp != null) {
            open.put(key(subject, subjectId), new FollowUp(subject, subjectId, followUp.attempts() + 1,
                    followUp.since(), dueAt, lastResult));
        }
    }

    @Override
    public synchronized void close(FollowUp.Subject subject, long subjectId) {
        open.remove(key(subject, subjectId));
    }

    @Override
    public synchronized Page<FollowUp> unresolved(int minAttempts, PageRequest page) {
        return Pages.of(open.values().stream().filter(followUp -> followUp.attempts() >= minAttempts)
                .sorted(Comparator.comparing(FollowUp::since)).toList(), page);
    }

    public synchronized Optional<FollowUp> find(FollowUp.Subject subject, long subjectId) {
        return Optional.ofNullable(open.get(key(subject, subjectId)));
    }

    public synchronized List<FollowUp> all() {
        return new ArrayList<>(open.values());
    }

    private static String key(FollowUp.Subject subject, long subjectId) {
        return subject + ":" + subjectId;
    }
}
