package org.paydesk.adapters.persistence.shared;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.jpa.JpaEntityManager;

/**
 * Hands out an entity's next id from its database sequence before the object exists, as the ports'
 * {@code nextId()} promise.
 *
 * <p>It asks EclipseLink's own sequencing rather than running {@code NEXT VALUE FOR} itself: EclipseLink
 * preallocates 50 ids per database round trip (the {@code allocationSize}, matching the migration's
 * {@code INCREMENT BY 50}) and the SQL for that differs between H2 and Oracle. An entity persisted with such an
 * id keeps it: EclipseLink only draws from the sequence for an id that is still null.
 */
public final class Sequences {

    private Sequences() {
    }

    public static long next(EntityManager em, Class<?> entityClass) {
        Number value = em.unwrap(JpaEntityManager.class).getActiveSession().getNextSequenceNumberValue(entityClass);
        if (value == null || value.longValue() <= 0) {
            throw new IllegalStateException("no usable id from the sequence of " + entityClass.getSimpleName()
                    + ": " + value);
        }
        return value.longValue();
    }
}
