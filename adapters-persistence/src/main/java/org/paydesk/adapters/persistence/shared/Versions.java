package org.paydesk.adapters.persistence.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.paydesk.application.shared.ConflictException;

/**
 * Optimistic locking for updates that come from domain objects. The domain object carries the version it was
 * read at; the update is refused when the stored row has moved on since, so a change computed from stale money
 * can never overwrite a newer one.
 */
public final class Versions {

    public static final String CONCURRENT_UPDATE = "concurrent_update";

    private Versions() {
    }

    /** Refuses the update when the row is no longer at the version the domain object was read at. */
    public static void requireUnchanged(String what, long readAt, long stored) {
        if (readAt != stored) {
            throw conflict(what);
        }
    }

    /**
     * Writes the pending changes now, so a row that changed between our read and our write (the UPDATE's
     * {@code WHERE version = ?} matched nothing) is reported here as {@code concurrent_update} instead of as an
     * unexplained rollback when the transaction commits.
     */
    public static void flush(EntityManager em, String what) {
        try {
            em.flush();
        } catch (OptimisticLockException stale) {
            ConflictException conflict = conflict(what);
            conflict.initCause(stale);
            throw conflict;
        }
    }

    public static ConflictException conflict(String what) {
        return new ConflictException(CONCURRENT_UPDATE, null,
                what + " was changed by someone else in the meantime; read it again and retry");
    }
}
