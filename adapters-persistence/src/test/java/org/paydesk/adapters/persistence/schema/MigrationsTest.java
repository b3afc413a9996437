package org.paydesk.adapters.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paydesk.adapters.persistence.testing.TestDatabase;

/** The Flyway scripts build the whole schema on H2 as the embedded default runs it, and on H2 imitating Oracle. */
class MigrationsTest {

    private static final Set<String> TABLES = Set.of("CUSTOMER", "RECEIVABLE", "PAYMENT", "PAYMENT_ALLOCATION",
            "PAYMENT_ATTEMPT", "IDEMPOTENCY_RECORD", "AUDIT_RECORD");
    private static final Set<String> SEQUENCES = Set.of("CUSTOMER_SEQ", "RECEIVABLE_SEQ", "PAYMENT_SEQ",
            "PAYMENT_ALLOCATION_SEQ", "PAYMENT_ATTEMPT_SEQ", "IDEMPOTENCY_RECORD_SEQ", "AUDIT_RECORD_SEQ");

    enum Mode {
        DEFAULT, ORACLE;

        TestDatabase database() {
            return this == DEFAULT ? TestDatabase.h2() : TestDatabase.h2InOracleMode();
        }

        String nextValue(String sequence) {
            return this == DEFAULT ? "NEXT VALUE FOR " + sequence : sequence + ".NEXTVAL";
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void migrationsCreateEveryTableAndSequence(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db)) {
            Set<String> tables = names(connection,
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
            assertTrue(tables.containsAll(TABLES), "tables " + tables);

            Map<String, Long> increments = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT SEQUENCE_NAME, INCREMENT FROM"
                            + " INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
                while (rows.next()) {
                    increments.put(rows.getString(1), rows.getLong(2));
                }
            }
            assertEquals(SEQUENCES, increments.keySet());
            increments.forEach((sequence, increment) -> assertEquals(50L, increment, sequence
                    + " must step by the entities' allocationSize"));
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void aCustomerAndAnInvoiceCanBeInsertedAndReadBack(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db)) {
            long customerId = next(connection, mode, "customer_seq");
            assertEquals(50L, customerId, "the first block of 50 ends at 50, so EclipseLink hands out 1..50");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer (id, customer_number,"
                    + " name, email, currency, credit_minor, version) VALUES (?, 'C-1', 'Acme', NULL, 'USD', 0, 1)")) {
                insert.setLong(1, customerId);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO receivable (id, customer_id,"
                    + " invoice_number, issue_date, due_date, currency, original_minor, open_minor, version)"
                    + " VALUES (?, ?, 'INV-1', ?, ?, 'USD', 12550, 12550, 1)")) {
                insert.setLong(1, next(connection, mode, "receivable_seq"));
                insert.setLong(2, customerId);
                insert.setDate(3, Date.valueOf(LocalDate.of(2026, 1, 31)));
                insert.setDate(4, Date.valueOf(LocalDate.of(2026, 3, 2)));
                assertEquals(1, insert.executeUpdate());
            }
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT c.name, r.invoice_number, r.due_date,"
                            + " r.open_minor FROM customer c JOIN receivable r ON r.customer_id = c.id")) {
                assertTrue(row.next());
                assertEquals("Acme", row.getString(1));
                assertEquals("INV-1", row.getString(2));
                assertEquals(LocalDate.of(2026, 3, 2), row.getDate(3).toLocalDate());
                assertEquals(12550L, row.getLong(4));
                assertFalse(row.next());
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void timestampsKeepNanosecondsAndClobsKeepLongBodies(Mode mode) throws SQLException {
        LocalDateTime lockedAt = LocalDateTime.of(2026, 11, 29, 10, 15, 30, 123_456_789);
        String body = "{\"x\":\"" + "é".repeat(20_000) + "\"}";
        try (TestDatabase db = mode.database(); Connection connection = migrated(db)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_record (id, scope,"
                    + " idem_key, fingerprint, locked_at, response_body) VALUES (?, 's', 'k', 'f', ?, ?)")) {
                insert.setLong(1, next(connection, mode, "idempotency_record_seq"));
                insert.setTimestamp(2, Timestamp.valueOf(lockedAt));
                insert.setString(3, body);
                assertEquals(1, insert.executeUpdate());
            }
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT locked_at, response_body FROM idempotency_record")) {
                assertTrue(row.next());
                assertEquals(lockedAt, row.getTimestamp(1).toLocalDateTime());
                assertEquals(body, row.getString(2));
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void theDatabaseRefusesAnOpenBalanceAboveTheInvoiceAmount(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db)) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                        + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
                assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO receivable (id,"
                        + " customer_id, invoice_number, issue_date, due_date, currency, original_minor, open_minor,"
                        + " version) VALUES (1, 1, 'INV-1', DATE '2026-01-01', DATE '2026-02-01', 'USD', 100, 101, 1)"));
                assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO customer (id,"
                        + " customer_number, name, currency, credit_minor, version)"
                        + " VALUES (2, 'C-2', 'Negative credit', 'USD', -1, 1)"));
            }
        }
    }

    @Test
    void migratingTwiceAppliesNothingTheSecondTime() {
        try (TestDatabase db = TestDatabase.h2()) {
            assertEquals(SchemaMigrations.SCRIPTS.size(), db.migrate().migrationsExecuted);
            MigrateResult again = db.migrate();
            assertTrue(again.success);
            assertEquals(0, again.migrationsExecuted);
        }
    }

    @Test
    void theExplicitListNamesExactlyTheScriptsInTheMigrationFolder() throws IOException, URISyntaxException {
        URL folder = MigrationsTest.class.getClassLoader().getResource(SchemaMigrations.LOCATION);
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<String> scripts = files.map(path -> path.getFileName().toString()).sorted().toList();
            assertEquals(scripts, SchemaMigrations.SCRIPTS.stream().sorted().toList());
        }
    }

    @Test
    void theListedScriptsBuildTheSameHistoryAsScanning() {
        ClassLoader loader = MigrationsTest.class.getClassLoader();
        try (TestDatabase db = TestDatabase.h2()) {
            MigrateResult listed = SchemaMigrations.listed(db.dataSource(), loader).migrate();
            assertEquals(SchemaMigrations.SCRIPTS.size(), listed.migrationsExecuted);
            // Same checksums and descriptions: a database migrated one way validates against the other.
            assertTrue(SchemaMigrations.scanning(db.dataSource(), loader).validateWithResult().validationSuccessful);
        }
    }

    @Test
    void migratingFailsWhenNoScriptCanBeFound() throws SQLException {
        ClassLoader withoutScripts = new ClassLoader(MigrationsTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.startsWith(SchemaMigrations.LOCATION) ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith(SchemaMigrations.LOCATION) ? Collections.emptyEnumeration()
                        : super.getResources(name);
            }
        };
        try (TestDatabase db = TestDatabase.h2()) {
            assertThrows(IllegalStateException.class, () -> SchemaMigrations.migrate(db.dataSource(), withoutScripts));
            try (Connection connection = db.connection()) {
                Set<String> tables = names(connection,
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
                assertFalse(tables.contains("PAYMENT"), "nothing may be half-created: " + tables);
            }
        }
    }

    private static Connection migrated(TestDatabase db) throws SQLException {
        MigrateResult result = db.migrate();
        assertTrue(result.success);
        assertEquals(SchemaMigrations.SCRIPTS.size(), result.migrationsExecuted);
        return db.connection();
    }

    private static long next(Connection connection, Mode mode, String sequence) throws SQLException {
        String sql = mode == Mode.DEFAULT ? "SELECT " + mode.nextValue(sequence)
                : "SELECT " + mode.nextValue(sequence) + " FROM DUAL";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }

    private static Set<String> names(Connection connection, String sql) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
