package org.paydesk.adapters.persistence.schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the newest schema with the SQL scripts in {@code db/migration}. The same scripts run on
 * H2 and on Oracle.
 *
 * <p>Flyway finds the scripts by scanning the class path (inside WildFly through its JBoss VFS support). Should a
 * scan ever find none, the explicit list {@link #SCRIPTS} is used instead; a test keeps that list equal to the
 * folder. If neither finds a script, migrating fails: starting with no schema would only fail later and worse.
 */
public final class SchemaMigrations {

    static final String LOCATION = "db/migration";

    /** Every script in {@link #LOCATION}, oldest first. Add each new migration here too. */
    static final List<String> SCRIPTS = List.of(
            "V1__create_payments_schema.sql",
            "V2__payment_methods_links_outbox.sql",
            "V3__orders_carts_catalog.sql",
            "V4__refunds_events_reconciliation.sql",
            "V5__payment_links.sql");

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /**
     * Applies every pending migration.
     *
     * @throws org.flywaydb.core.api.FlywayException when a script fails or the applied history does not match the
     *     scripts (a changed script is never silently re-run)
     * @throws IllegalStateException when no script can be found at all
     */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        Flyway flyway = scanning(dataSource, classLoader);
        if (!findsScripts(flyway)) {
            LOG.warning("Flyway found no migration script by scanning classpath:" + LOCATION
                    + "; using the explicit list " + SCRIPTS);
            flyway = listed(dataSource, classLoader);
            if (!findsScripts(flyway)) {
                throw new IllegalStateException("no migration script found in " + LOCATION + " (neither by scanning"
                        + " nor from the list " + SCRIPTS + "); refusing to start without a schema");
            }
        }
        MigrateResult result = flyway.migrate();
        // targetSchemaVersion is null when nothing was applied, so the version is read back from the history.
        var current = flyway.info().current();
        String version = current == null ? "none" : current.getVersion().getVersion();
        LOG.info(() -> "database schema at version " + version + " (" + result.migrationsExecuted
                + " migration(s) applied now, " + result.databaseType + ")");
        return result;
    }

    static Flyway scanning(DataSource dataSource, ClassLoader classLoader) {
        return configure(dataSource, classLoader).locations("classpath:" + LOCATION).load();
    }

    static Flyway listed(DataSource dataSource, ClassLoader classLoader) {
        return configure(dataSource, classLoader)
                .locations("classpath:" + LOCATION)
                .resourceProvider(new ListedMigrations(classLoader, LOCATION, SCRIPTS))
                .javaMigrationClassProvider(List::of) // SQL only: nothing to scan for
                .load();
    }

    private static FluentConfiguration configure(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .encoding(StandardCharsets.UTF_8)
                .validateMigrationNaming(true)
                .validateOnMigrate(true)
                // A database holding money is never wiped by a tool, whatever a configuration says elsewhere.
                .cleanDisabled(true);
    }

    /** Whether Flyway has any script to compare with the database (resolved, applied or not). */
    static boolean findsScripts(Flyway flyway) {
        return Arrays.stream(flyway.info().all()).anyMatch(info -> info.getState().isResolved());
    }
}
