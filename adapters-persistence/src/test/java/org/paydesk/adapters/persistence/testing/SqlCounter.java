package org.paydesk.adapters.persistence.testing;

import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/** Counts the SQL statements EclipseLink sends while a piece of work runs on this thread. */
public final class SqlCounter extends SessionEventAdapter {

    private final ThreadLocal<AtomicInteger> counting = new ThreadLocal<>();

    private SqlCounter() {
    }

    public static SqlCounter on(EntityManagerFactory factory) {
        SqlCounter counter = new SqlCounter();
        factory.unwrap(JpaEntityManagerFactory.class).getServerSession().getEventManager().addListener(counter);
        return counter;
    }

    /** The work's result and how many statements it sent. */
    public <T> Counted<T> count(Supplier<T> work) {
        AtomicInteger statements = new AtomicInteger();
        counting.set(statements);
        try {
            T result = work.get();
            return new Counted<>(result, statements.get());
        } finally {
            counting.remove();
        }
    }

    @Override
    public void preExecuteCall(SessionEvent event) {
        AtomicInteger statements = counting.get();
        if (statements != null) {
            statements.incrementAndGet();
        }
    }

    public record Counted<T>(T result, int statements) {
    }
}
