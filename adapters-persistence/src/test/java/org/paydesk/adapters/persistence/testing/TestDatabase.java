package org.paydesk.adapters.persistence.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.config.TargetDatabase;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.paydesk.adapters.persistence.schema.SchemaMigrations;

/**
 * A fresh in-memory H2 database of its own, migrated with the production Flyway scripts, and real EclipseLink on
 * it (resource-local, Java SE). Each transaction gets a new entity manager, as a JTA transaction-scoped
 * persistence context would.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** Flyway reports every step at INFO; tests need only its warnings. Held here so the setting is not collected. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private final String url;
    private final boolean oracle;
    private final JdbcDataSource dataSource;
    private EntityManagerFactory factory;

    private TestDatabase(String options, boolean oracle) {
        this.url = "jdbc:h2:mem:paydesk" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=2000" + options;
        this.oracle = oracle;
        this.dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
    }

    /** H2 as the embedded default runs it. */
    public static TestDatabase h2() {
        return new TestDatabase("", false);
    }

    /**
     * H2 imitating Oracle, the production database. EclipseLink on it writes Oracle's SQL (pagination, sequences),
     * as it does on Oracle, rather than H2's own, which H2's Oracle mode refuses.
     */
    public static TestDatabase h2InOracleMode() {
        return new TestDatabase(";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH", true);
    }

    /** A migrated database with an entity manager factory on it. */
    public static TestDatabase migrated() {
        TestDatabase database = h2();
        database.migrate();
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    public MigrateResult migrate() {
        return SchemaMigrations.migrate(dataSource, TestDatabase.class.getClassLoader());
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public synchronized EntityManagerFactory factory() {
        if (factory == null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, "META-INF/persistence-test.xml");
            properties.put(PersistenceUnitProperties.JDBC_URL, url);
            properties.put(PersistenceUnitProperties.SESSION_NAME, "paydesk-test-" + url.hashCode());
            if (oracle) {
                properties.put(PersistenceUnitProperties.TARGET_DATABASE, TargetDatabase.Oracle);
            }
            factory = Persistence.createEntityManagerFactory("paydesk-test", properties);
        }
        return factory;
    }

    /** Runs the work in one committed transaction of its own; rolls back and rethrows if it fails. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory().createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (RuntimeException failed) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw failed;
        } finally {
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public synchronized void close() {
        if (factory != null) {
            factory.close();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
