package org.paydesk.adapters.persistence.schema;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import javax.sql.DataSource;

/**
 * Migrates the Paydesk database when the application starts, before it serves anything.
 *
 * <p>Runs in the deployment itself (not as a separate step) so the schema and the code that needs it can never
 * be deployed apart. An exception here fails the deployment: better no Paydesk than one writing to the wrong
 * schema. The observer runs early ({@code PLATFORM_BEFORE}) so other start-up observers already find the schema;
 * it may be notified once per module of the EAR, and migrates only once.
 */
@ApplicationScoped
public class FlywayMigrator {

    @Resource(lookup = "java:jboss/datasources/PaydeskDS")
    private DataSource dataSource;

    private boolean migrated;

    synchronized void migrateOnStartup(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        if (migrated) {
            return;
        }
        if (dataSource == null) {
            throw new IllegalStateException("java:jboss/datasources/PaydeskDS was not injected; cannot migrate");
        }
        SchemaMigrations.migrate(dataSource, FlywayMigrator.class.getClassLoader());
        migrated = true;
    }
}
