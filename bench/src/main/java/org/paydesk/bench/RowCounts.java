package org.paydesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a database holds for its payments, counted the same way for the server's database and the baseline's, so
 * the two can be compared per payment. Updates are counted by the {@code @Version} columns: every UPDATE of a
 * receivable, payment or customer moves its version by one from the initial 1 (EclipseLink's first version,
 * which the baseline's seeding uses too); updates of attempts and idempotency records by their completion columns.
 */
final class RowCounts {

    /** Version of a row that was never updated. */
    static final int INITIAL_VERSION = 1;

    /** Name to SQL; every query yields one number. Audit records of payments only: seeding writes others. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("payment", "SELECT COUNT(*) FROM payment");
        QUERIES.put("payment_allocation", "SELECT COUNT(*) FROM payment_allocation");
        QUERIES.put("payment_attempt", "SELECT COUNT(*) FROM payment_attempt");
        QUERIES.put("idempotency_record",
                "SELECT COUNT(*) FROM idempotency_record WHERE scope LIKE '% POST /payments'");
        QUERIES.put("audit_record", "SELECT COUNT(*) FROM audit_record WHERE action LIKE 'payment.%'");
        QUERIES.put("receivable updates", "SELECT COALESCE(SUM(version - " + INITIAL_VERSION + "), 0) FROM receivable");
        QUERIES.put("payment updates", "SELECT COALESCE(SUM(version - " + INITIAL_VERSION + "), 0) FROM payment");
        QUERIES.put("customer updates", "SELECT COALESCE(SUM(version - " + INITIAL_VERSION + "), 0) FROM customer");
        QUERIES.put("payment_attempt updates",
                "SELECT COUNT(*) FROM payment_attempt WHERE finished_at IS NOT NULL");
        QUERIES.put("idempotency_record updates", "SELECT COUNT(*) FROM idempotency_record"
                + " WHERE scope LIKE '% POST /payments' AND completed_at IS NOT NULL");
        QUERIES.put("succeeded payments", "SELECT COUNT(*) FROM payment WHERE status = 'SUCCEEDED'");
    }

    private final Map<String, Long> totals;

    private RowCounts(Map<String, Long> totals) {
        this.totals = totals;
    }

    /**
     * Tables counted by the queries above, or only seeded (customers and invoices are written by the seeding, and
     * change per payment only through their versions), or Flyway's own.
     */
    private static final Set<String> KNOWN_TABLES = Set.of("PAYMENT", "PAYMENT_ALLOCATION", "PAYMENT_ATTEMPT",
            "IDEMPOTENCY_RECORD", "AUDIT_RECORD", "CUSTOMER", "RECEIVABLE", "FLYWAY_SCHEMA_HISTORY");

    /**
     * Counts the payment tables, and every other table of the schema too: a table Paydesk starts writing per
     * payment (an outbox, say) then shows up as a difference from the baseline until the baseline writes it too.
     */
    static RowCounts count(String url) throws SQLException {
        Map<String, Long> totals = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, H2Database.USER, H2Database.PASSWORD);
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                totals.put(query.getKey(), single(s, query.getValue()));
            }
            List<String> others = new ArrayList<>();
            try (ResultSet tables = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (tables.next()) {
                    String table = tables.getString(1);
                    if (!KNOWN_TABLES.contains(table.toUpperCase(Locale.ROOT))) {
                        others.add(table);
                    }
                }
            }
            for (String table : others) {
                totals.put(table.toLowerCase(Locale.ROOT), single(s, "SELECT COUNT(*) FROM \"" + table + "\""));
            }
        }
        return new RowCounts(totals);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    long payments() {
        return totals.get("payment");
    }

    /** Each count divided by the number of payments: rows and updates per payment. */
    Map<String, Double> perPayment() {
        Map<String, Double> per = new LinkedHashMap<>();
        long payments = payments();
        totals.forEach((name, total) -> {
            if (!name.equals("succeeded payments")) {
                per.put(name, payments == 0 ? 0.0 : (double) total / payments);
            }
        });
        return per;
    }

    Map<String, Long> totals() {
        return Collections.unmodifiableMap(totals);
    }

    /**
     * Where the per-payment counts differ by more than rounding, one line each; empty when they agree.
     */
    static Map<String, String> differences(RowCounts api, RowCounts baseline) {
        Map<String, String> differences = new LinkedHashMap<>();
        Map<String, Double> a = api.perPayment();
        Map<String, Double> b = baseline.perPayment();
        for (String name : a.keySet()) {
            if (Math.abs(a.get(name) - b.getOrDefault(name, 0.0)) > 0.001) {
                differences.put(name, String.format(Locale.ROOT, "API %.3f, JDBC %.3f per payment", a.get(name),
                        b.getOrDefault(name, 0.0)));
            }
        }
        return differences;
    }
}
