package org.paydesk.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * H2 file databases as the server opens its own: {@code jdbc:h2:file:<dir>/paydesk;WRITE_DELAY=0} (see the
 * datasource in the EAR module's {@code configure-server.cli}), user {@code sa}.
 */
final class H2Database {

    static final String USER = "sa";
    static final String PASSWORD = "sa";

    private H2Database() {
    }

    /** The server's default URL for a data directory. */
    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("paydesk") + ";WRITE_DELAY=0";
    }

    /** The same database opened read-only, to count what a stopped server wrote. */
    static String readOnlyUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("paydesk") + ";ACCESS_MODE_DATA=r";
    }

    /** Creates the schema with Paydesk's own migrations ({@code db/migration} of the persistence adapter). */
    static void migrate(String url) {
        Flyway.configure(H2Database.class.getClassLoader())
                .dataSource(url, USER, PASSWORD)
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .load()
                .migrate();
    }

    /** Closes the embedded database so its file is complete and unlocked. */
    static void shutdown(String url) {
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException alreadyClosed) {
            // nothing to close
        }
    }
}
