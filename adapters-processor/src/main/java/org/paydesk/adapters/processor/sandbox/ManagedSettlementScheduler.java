package org.paydesk.adapters.processor.sandbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The server's default managed scheduler: tasks run on container-managed threads with the submitting application's
 * context (class loader, naming), are cancelled when the application stops, and never block a request thread.
 */
@ApplicationScoped
public class ManagedSettlementScheduler implements SettlementScheduler {

    /**
     * The default scheduler's global name in WildFly (what {@code java:comp/DefaultManagedScheduledExecutorService}
     * points to); a global name resolves the same from the EAR's library jars, which have no component namespace.
     */
    static final String DEFAULT_SCHEDULER = "java:jboss/ee/concurrency/scheduler/default";

    @Resource(lookup = DEFAULT_SCHEDULER)
    ManagedScheduledExecutorService executor;

    /** For CDI, which injects the executor. */
    public ManagedSettlementScheduler() {
    }

    /** For tests, with an executor of their own. */
    ManagedSettlementScheduler(ManagedScheduledExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
}
