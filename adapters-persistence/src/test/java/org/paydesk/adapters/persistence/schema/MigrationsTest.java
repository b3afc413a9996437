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
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paydesk.adapters.persistence.testing.TestDatabase;

/** The Flyway scripts build the whole schema on H2 as the embedded default runs it, and on H2 imitating Oracle. */
class MigrationsTest {

    private static final Set<String> TABLES = Set.of("CUSTOMER", "RECEIVABLE", "PAYMENT", "PAYMENT_ALLOCATION",
            "PAYMENT_ATTEMPT", "IDEMPOTENCY_RECORD", "AUDIT_RECORD", "PAYMENT_METHOD", "PAYMENT_METHOD_REQUEST",
            "BUYER_ACCOUNT", "MAIL_OUTBOX", "CATALOG_ITEM", "SALES_ORDER", "SALES_ORDER_LINE", "CART", "CART_LINE",
            "MERCHANT_SETTING", "REFUND", "REFUND_ALLOCATION", "PROCESSOR_EVENT", "RECONCILIATION_FOLLOW_UP",
            "PAYMENT_LINK", "PAYMENT_LINK_INVOICE");
    private static final Set<String> SEQUENCES = Set.of("CUSTOMER_SEQ", "RECEIVABLE_SEQ", "PAYMENT_SEQ",
            "PAYMENT_ALLOCATION_SEQ", "PAYMENT_ATTEMPT_SEQ", "IDEMPOTENCY_RECORD_SEQ", "AUDIT_RECORD_SEQ",
            "PAYMENT_METHOD_SEQ", "PAYMENT_METHOD_REQUEST_SEQ", "BUYER_ACCOUNT_SEQ", "MAIL_OUTBOX_SEQ",
            "SALES_ORDER_SEQ", "CART_SEQ", "REFUND_SEQ", "REFUND_ALLOCATION_SEQ", "RECONCILIATION_FOLLOW_UP_SEQ",
            "PAYMENT_LINK_SEQ");

    /** A payment of customer 1: id, amount. */
    private static final String PAYMENT = "INSERT INTO payment (id, customer_id, method_type, method_token, channel,"
            + " currency, amount_minor, unapplied_minor, status, created_at, updated_at, version)"
            + " VALUES (%d, 1, 'CARD', 'pm_card_visa', 'ACCOUNTS_RECEIVABLE', 'USD', %d, 0, 'SUCCEEDED',"
            + " TIMESTAMP '2026-11-29 10:15:30', TIMESTAMP '2026-11-29 10:15:30', 1)";
    /** A refund: id, payment id, request key (SQL), amount, credit taken. */
    private static final String REFUND = "INSERT INTO refund (id, payment_id, request_key, amount_minor,"
            + " credit_taken_minor, customer_id, currency, status, created_at, updated_at, version)"
            + " VALUES (%d, %d, %s, %d, %d, 1, 'USD', 'REQUESTED', TIMESTAMP '2026-11-29 10:15:30',"
            + " TIMESTAMP '2026-11-29 10:15:30', 1)";

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

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void aDatabaseAtVersionOneIsUpgradedToTheNewestSchemaKeepingItsData(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database()) {
            ClassLoader loader = MigrationsTest.class.getClassLoader();
            Flyway.configure(loader).dataSource(db.dataSource()).locations("classpath:" + SchemaMigrations.LOCATION)
                    .target("1").load().migrate();
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                        + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
            }

            MigrateResult upgrade = SchemaMigrations.migrate(db.dataSource(), loader);

            assertEquals(SchemaMigrations.SCRIPTS.size() - 1, upgrade.migrationsExecuted);
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                assertEquals(1, statement.executeUpdate("INSERT INTO buyer_account (id, login, customer_id)"
                        + " VALUES (1, 'buyer.one', 1)"), "the new tables refer to the customers already there");
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void aSavedMethodHasNoRoomForACardNumberAndAFlagIsZeroOrOne(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                    + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
            String insert = "INSERT INTO payment_method (id, customer_id, method_type, processor_token, brand, last4,"
                    + " exp_month, exp_year, bank_name, is_default, created_at, version) VALUES (%d, 1, 'CARD',"
                    + " 'pm_%d', 'visa', '%s', %d, 2034, NULL, %d, TIMESTAMP '2026-11-29 10:15:30.123456789', 1)";

            assertEquals(1, statement.executeUpdate(String.format(insert, 1, 1, "4242", 12, 1)));
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(insert, 2, 2, "4242424242424242", 12, 0)), "a card number does not fit");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 3, 3, "42a2", 12, 0)),
                    "last4 is four digits");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 4, 4, "4242", 12, 2)),
                    "a flag is 0 or 1");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 5, 5, "4242", 13, 0)),
                    "months are 1..12");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 6, 1, "4242", 12, 0)),
                    "one token is saved once per customer");
            try (ResultSet row = statement.executeQuery("SELECT last4, is_default, created_at FROM payment_method")) {
                assertTrue(row.next());
                assertEquals("4242", row.getString(1));
                assertEquals(1, row.getInt(2));
                assertEquals(LocalDateTime.of(2026, 11, 29, 10, 15, 30, 123_456_789),
                        row.getTimestamp(3).toLocalDateTime());
                assertFalse(row.next());
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void aLinksSecretHashIsUniqueAndALinkIsSpentAtMostOnce(Mode mode) throws SQLException {
        String hash = "a".repeat(64);
        try (TestDatabase db = mode.database(); Connection connection = migrated(db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                    + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
            String insert = "INSERT INTO payment_method_request (id, customer_id, recipient_email, secret_hash,"
                    + " sent_by, sent_at, expires_at, completed_at, completed_with, revoked_at, revoked_by, version)"
                    + " VALUES (%d, 1, 'ap@acme.example', '%s', 'cashier.ann', TIMESTAMP '2026-11-29 10:00:00',"
                    + " TIMESTAMP '2026-11-29 14:00:00', %s, 1)";
            String unused = "NULL, NULL, NULL, NULL";

            assertEquals(1, statement.executeUpdate(String.format(insert, 1, hash, unused)));
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 2, hash, unused)),
                    "the secret's hash finds one link only");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 3, "b".repeat(64),
                    "TIMESTAMP '2026-11-29 11:00:00', 7, TIMESTAMP '2026-11-29 11:00:00', 'admin'")),
                    "completed and revoked at once");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 4, "c".repeat(64),
                    "TIMESTAMP '2026-11-29 11:00:00', NULL, NULL, NULL")), "completed without the saved method");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(insert, 5, "short",
                    unused)), "only a SHA-256 in hex fits");
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void aBuyerLoginActsForOneCustomerOnly(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                    + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
            statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                    + " version) VALUES (2, 'C-2', 'Bolt', 'USD', 0, 1)");

            assertEquals(1, statement.executeUpdate("INSERT INTO buyer_account (id, login, customer_id)"
                    + " VALUES (1, 'buyer.one', 1)"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO buyer_account (id, login,"
                    + " customer_id) VALUES (2, 'buyer.one', 2)"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO buyer_account (id, login,"
                    + " customer_id) VALUES (3, 'buyer.two', 99)"), "only an existing customer");
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void anOutboxEntryKeepsLongValuesAndItsTimesToTheNanosecond(Mode mode) throws SQLException {
        LocalDateTime createdAt = LocalDateTime.of(2026, 11, 29, 10, 15, 30, 123_456_789);
        String values = "linkPath=" + "x".repeat(20_000);
        try (TestDatabase db = mode.database(); Connection connection = migrated(db)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox (id, kind, recipient,"
                    + " template_values, created_at, attempts, next_attempt_at) VALUES (?, 'k', 'ann@acme.example',"
                    + " ?, ?, 0, ?)")) {
                insert.setLong(1, next(connection, mode, "mail_outbox_seq"));
                insert.setString(2, values);
                insert.setTimestamp(3, Timestamp.valueOf(createdAt));
                insert.setTimestamp(4, Timestamp.valueOf(createdAt));
                assertEquals(1, insert.executeUpdate());
            }
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT template_values, created_at FROM mail_outbox"
                            + " WHERE sent_at IS NULL"
                            + " AND next_attempt_at <= TIMESTAMP '2026-11-29 10:15:30.123456789'")) {
                assertTrue(row.next());
                assertEquals(values, row.getString(1));
                assertEquals(createdAt, row.getTimestamp(2).toLocalDateTime());
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void customersAlreadyThereGetTheDefaultPreferencesWhenUpgradedToVersionThree(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database()) {
            ClassLoader loader = MigrationsTest.class.getClassLoader();
            Flyway.configure(loader).dataSource(db.dataSource()).locations("classpath:" + SchemaMigrations.LOCATION)
                    .target("2").load().migrate();
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                        + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
            }

            MigrateResult upgrade = SchemaMigrations.migrate(db.dataSource(), loader);

            assertEquals(SchemaMigrations.SCRIPTS.size() - 2, upgrade.migrationsExecuted);
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                try (ResultSet row = statement.executeQuery("SELECT require_payment_on_confirm,"
                        + " payment_links_enabled, receipts_enabled FROM customer WHERE id = 1")) {
                    assertTrue(row.next());
                    assertEquals(0, row.getInt(1), "confirmation on account stays allowed");
                    assertEquals(1, row.getInt(2), "payment links stay on");
                    assertEquals(1, row.getInt(3), "receipts stay on");
                }
                assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE customer"
                        + " SET receipts_enabled = 2 WHERE id = 1"), "a flag is 0 or 1");
                assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE customer"
                        + " SET payment_links_enabled = NULL WHERE id = 1"), "a flag is never unknown");
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void anOrderWithItsLinesACartAndACatalogItemCanBeInsertedAndTheChecksHold(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                    + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
            assertEquals(50L, next(connection, mode, "sales_order_seq"));
            assertEquals(50L, next(connection, mode, "cart_seq"));
            statement.executeUpdate("INSERT INTO catalog_item (sku, description, currency, unit_price_minor,"
                    + " is_active, version) VALUES ('SKU-1', 'Widget', 'USD', 1250, 1, 1)");
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO catalog_item (sku,"
                    + " description, currency, unit_price_minor, is_active, version)"
                    + " VALUES ('SKU-1', 'Again', 'USD', 100, 1, 1)"), "one row per SKU");
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO catalog_item (sku,"
                    + " description, currency, unit_price_minor, is_active, version)"
                    + " VALUES ('SKU-2', 'Free', 'USD', 0, 1, 1)"), "a price is positive");

            String order = "INSERT INTO sales_order (id, order_number, customer_id, order_source, status,"
                    + " payment_id, receivable_id, currency, total_minor, created_at, updated_at, version)"
                    + " VALUES (%d, '%s', %d, 'STAFF', '%s', %s, NULL, 'USD', %d,"
                    + " TIMESTAMP '2026-11-29 10:15:30.123456789', TIMESTAMP '2026-11-29 10:15:30.123456789', 1)";
            assertEquals(1, statement.executeUpdate(String.format(order, 1, "SO-1", 1, "OPEN", "NULL", 2500)));
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(order, 2, "SO-1", 1, "OPEN", "NULL", 2500)), "order numbers are unique");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(order, 3, "SO-3", 99, "OPEN", "NULL", 2500)), "only an existing customer");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(order, 4, "SO-4", 1, "OPEN", "77", 2500)), "only an existing payment");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(order, 5, "SO-5", 1, "CONFIRMED", "NULL", 2500)), "confirmed without an invoice");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(order, 6, "SO-6", 1, "OPEN", "NULL", 0)), "a total is positive");

            String line = "INSERT INTO sales_order_line (order_id, line_no, sku, description, quantity, currency,"
                    + " unit_price_minor) VALUES (%d, %d, 'SKU-1', 'Widget', %d, 'USD', 1250)";
            assertEquals(1, statement.executeUpdate(String.format(line, 1, 1, 2)));
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(line, 1, 1, 2)),
                    "one row per position");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(line, 1, 2, 0)),
                    "a quantity is at least 1");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(line, 9, 1, 1)),
                    "only an existing order");

            String cart = "INSERT INTO cart (id, customer_id, currency, status, order_id, created_at, updated_at,"
                    + " version) VALUES (%d, 1, 'USD', '%s', %s, TIMESTAMP '2026-11-29 10:00:00',"
                    + " TIMESTAMP '2026-11-29 10:00:00', 1)";
            assertEquals(1, statement.executeUpdate(String.format(cart, 1, "OPEN", "NULL")));
            assertEquals(1, statement.executeUpdate(String.format(cart, 2, "CHECKED_OUT", "1")));
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(cart, 3, "CHECKED_OUT",
                    "1")), "an order is the checkout of one cart");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(cart, 4, "CHECKED_OUT",
                    "NULL")), "checked out without an order");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(cart, 5, "OPEN", "1")),
                    "an open cart has no order");
            assertEquals(1, statement.executeUpdate("INSERT INTO cart_line (cart_id, line_no, sku, description,"
                    + " quantity, currency, unit_price_minor) VALUES (1, 1, 'SKU-1', 'Widget', 3, 'USD', 1250)"));

            try (ResultSet row = statement.executeQuery("SELECT o.order_number, l.quantity * l.unit_price_minor,"
                    + " o.created_at FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id")) {
                assertTrue(row.next());
                assertEquals("SO-1", row.getString(1));
                assertEquals(2500L, row.getLong(2));
                assertEquals(LocalDateTime.of(2026, 11, 29, 10, 15, 30, 123_456_789),
                        row.getTimestamp(3).toLocalDateTime());
                assertFalse(row.next());
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void paymentsAlreadyThereAreUnrefundedWhenUpgradedToVersionFourAndKeepTheirData(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database()) {
            ClassLoader loader = MigrationsTest.class.getClassLoader();
            Flyway.configure(loader).dataSource(db.dataSource()).locations("classpath:" + SchemaMigrations.LOCATION)
                    .target("3").load().migrate();
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                        + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
                statement.executeUpdate(String.format(PAYMENT, 1, 5000));
            }

            MigrateResult upgrade = SchemaMigrations.migrate(db.dataSource(), loader);

            assertEquals(SchemaMigrations.SCRIPTS.size() - 3, upgrade.migrationsExecuted);
            String last = SchemaMigrations.SCRIPTS.get(SchemaMigrations.SCRIPTS.size() - 1);
            assertEquals(last.substring(1, last.indexOf("__")), upgrade.targetSchemaVersion);
            try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
                try (ResultSet row = statement.executeQuery("SELECT refunded_minor, amount_minor, status FROM payment"
                        + " WHERE id = 1")) {
                    assertTrue(row.next());
                    assertEquals(0L, row.getLong(1), "a payment from before refunds existed was never refunded");
                    assertEquals(5000L, row.getLong(2));
                    assertEquals("SUCCEEDED", row.getString(3));
                }
                assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE payment"
                        + " SET refunded_minor = 5001 WHERE id = 1"), "never more refunded than paid");
                assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE payment"
                        + " SET refunded_minor = NULL WHERE id = 1"), "the refunded total is never unknown");
                assertEquals(1, statement.executeUpdate("UPDATE payment SET refunded_minor = 5000 WHERE id = 1"));
                assertEquals(1, statement.executeUpdate(String.format(REFUND, 1, 1, "NULL", 5000, 5000)),
                        "a refund refers to the payment already there");
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void aRefundTakesBackAtMostItsAmountAndReopensEachInvoiceOnce(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO customer (id, customer_number, name, currency, credit_minor,"
                    + " version) VALUES (1, 'C-1', 'Acme', 'USD', 0, 1)");
            statement.executeUpdate("INSERT INTO receivable (id, customer_id, invoice_number, issue_date, due_date,"
                    + " currency, original_minor, open_minor, version)"
                    + " VALUES (1, 1, 'INV-1', DATE '2026-01-01', DATE '2026-02-01', 'USD', 3000, 0, 1)");
            statement.executeUpdate(String.format(PAYMENT, 1, 5000));
            assertEquals(50L, next(connection, mode, "refund_seq"));
            assertEquals(50L, next(connection, mode, "refund_allocation_seq"));

            assertEquals(1, statement.executeUpdate(String.format(REFUND, 1, 1, "'key-1'", 2500, 500)));
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(REFUND, 2, 1, "'key-1'", 100, 100)), "one refund per request key");
            assertEquals(1, statement.executeUpdate(String.format(REFUND, 3, 1, "NULL", 100, 100)));
            assertEquals(1, statement.executeUpdate(String.format(REFUND, 4, 1, "NULL", 100, 100)),
                    "many refunds may have no request key");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(REFUND, 5, 77, "NULL", 100, 100)), "only an existing payment");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(REFUND, 6, 1, "NULL", 0, 0)), "an amount is positive");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(REFUND, 7, 1, "NULL", 100, 101)), "no more credit taken than the amount");

            String allocation = "INSERT INTO refund_allocation (id, refund_id, line_no, receivable_id,"
                    + " receivable_number, currency, amount_minor) VALUES (%d, %d, %d, %d, 'INV-1', 'USD', %d)";
            assertEquals(1, statement.executeUpdate(String.format(allocation, 1, 1, 1, 1, 2000)));
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(allocation, 2, 1, 2, 1, 10)),
                    "a refund reopens an invoice once");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(allocation, 3, 9, 1, 1, 10)),
                    "only an existing refund");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(allocation, 4, 3, 1, 9, 10)),
                    "only an existing invoice");
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(allocation, 5, 3, 1, 1, 0)),
                    "a reopened part is positive");
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void anEventIsStoredOnceByItsIdAndASubjectIsFollowedUpOnce(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db);
                Statement statement = connection.createStatement()) {
            String event = "INSERT INTO processor_event (event_id, event_type, event_kind, payment_reference, outcome,"
                    + " received_at) VALUES ('%s', 'payment_intent.succeeded', 'PAYMENT_CHANGED', 'pi_1', 'applied',"
                    + " TIMESTAMP '2026-11-29 10:15:30.123456789')";
            assertEquals(1, statement.executeUpdate(String.format(event, "evt_1")));
            assertThrows(SQLException.class, () -> statement.executeUpdate(String.format(event, "evt_1")),
                    "an event id is stored once");
            assertEquals(1, statement.executeUpdate(String.format(event, "evt_2")));

            assertEquals(50L, next(connection, mode, "reconciliation_follow_up_seq"));
            String followUp = "INSERT INTO reconciliation_follow_up (id, subject, subject_id, attempts, opened_at,"
                    + " due_at, last_result, version) VALUES (%d, '%s', %d, %d, TIMESTAMP '2026-11-29 10:00:00',"
                    + " TIMESTAMP '2026-11-29 10:00:00.000000001', NULL, 1)";
            assertEquals(1, statement.executeUpdate(String.format(followUp, 1, "PAYMENT", 7, 0)));
            assertEquals(1, statement.executeUpdate(String.format(followUp, 2, "REFUND", 7, 0)),
                    "a refund and a payment with the same id are two subjects");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(followUp, 3, "PAYMENT", 7, 0)), "one follow-up per subject");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(followUp, 4, "ORDER", 8, 0)), "only payments and refunds");
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    String.format(followUp, 5, "PAYMENT", 9, -1)), "attempts are never negative");
            try (ResultSet row = statement.executeQuery("SELECT due_at FROM reconciliation_follow_up WHERE id = 1")) {
                assertTrue(row.next());
                assertEquals(LocalDateTime.of(2026, 11, 29, 10, 0, 0, 1), row.getTimestamp(1).toLocalDateTime());
            }
        }
    }

    @ParameterizedTest(name = "in H2 {0} mode")
    @EnumSource(Mode.class)
    void aMerchantSettingIsKeptByNameAndMayBeEmpty(Mode mode) throws SQLException {
        try (TestDatabase db = mode.database(); Connection connection = migrated(db);
                Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("INSERT INTO merchant_setting (setting_name, setting_value,"
                    + " version) VALUES ('checkout.wallets', '', 1)"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO merchant_setting"
                    + " (setting_name, setting_value, version) VALUES ('checkout.wallets', 'APPLE_PAY', 1)"));
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
