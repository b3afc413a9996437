package org.paydesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The physical limit Paydesk is measured against: a plain-JDBC loop that commits, per payment, exactly the rows and
 * updates Paydesk writes for one card payment, on the same kind of database with the same settings (H2 file,
 * {@code WRITE_DELAY=0}, read committed), the schema made by the same Flyway migrations, a pool of the same size,
 * at the same concurrency, but in <em>one</em> commit per payment and with nothing else around it.
 *
 * <p>Per payment, in one transaction, as read from {@code PaymentLedger}, {@code IdempotencyService} and the REST
 * {@code IdempotencyGate} (ids from the sequences 50 at a time, as EclipseLink preallocates them):
 * <ol>
 *   <li>claim the key: {@code INSERT idempotency_record}</li>
 *   <li>open: {@code SELECT customer ... FOR UPDATE}; {@code SELECT} the invoices named; {@code UPDATE} each
 *       invoice's balance and version (one batch); {@code INSERT payment}; {@code INSERT payment_allocation} per
 *       invoice (one batch); {@code INSERT payment_attempt}; {@code INSERT reconciliation_follow_up} (so the
 *       reconciler finds the payment should its answer never be recorded); {@code INSERT audit_record}</li>
 *   <li>settle: {@code SELECT customer ... FOR UPDATE}; {@code UPDATE payment_attempt}; {@code UPDATE payment}
 *       (status, reference, version); {@code DELETE reconciliation_follow_up}; {@code INSERT mail_outbox} (the
 *       customer's receipt, delivered later by the outbox timer); {@code INSERT audit_record};
 *       {@code UPDATE customer} credit only when
 *       something is unapplied (never in this workload)</li>
 *   <li>complete the key: {@code UPDATE idempotency_record} with the response</li>
 * </ol>
 * The schema has no outbox table yet (issue 3 names one); when it gets one, its row belongs here too.
 */
final class JdbcBaseline implements PaymentTarget, AutoCloseable {

    /** What Paydesk's idempotency scope is for the benchmark's cashier. */
    static final String SCOPE = "bench-cashier POST /payments";
    static final String ACTOR = "bench-cashier";
    static final String ORIGIN = "127.0.0.1";
    static final String TOKEN = "pm_sbx_benchbaselinetokenxxxxxxxxxxxxx";

    private static final String INSERT_IDEMPOTENCY = "INSERT INTO idempotency_record"
            + " (id, scope, idem_key, fingerprint, locked_at) VALUES (?, ?, ?, ?, ?)";
    private static final String LOCK_CUSTOMER = "SELECT id, customer_number, name, email, currency, credit_minor,"
            + " version FROM customer WHERE id = ? FOR UPDATE";
    private static final String READ_RECEIVABLES = "SELECT id, customer_id, invoice_number, issue_date, due_date,"
            + " currency, original_minor, open_minor, version FROM receivable WHERE id IN (%s) ORDER BY id";
    private static final String UPDATE_RECEIVABLE = "UPDATE receivable SET open_minor = ?, version = ?"
            + " WHERE id = ? AND version = ?";
    private static final String INSERT_PAYMENT = "INSERT INTO payment (id, customer_id, method_type, method_token,"
            + " channel, currency, amount_minor, unapplied_minor, request_key, status, created_at, updated_at, version)"
            + " VALUES (?, ?, 'CARD', ?, 'ACCOUNTS_RECEIVABLE', ?, ?, ?, ?, 'PROCESSING', ?, ?, 1)";
    private static final String INSERT_ALLOCATION = "INSERT INTO payment_allocation (id, payment_id, line_no,"
            + " receivable_id, receivable_number, currency, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ATTEMPT = "INSERT INTO payment_attempt (id, payment_id, started_at)"
            + " VALUES (?, ?, ?)";
    private static final String OPEN_FOLLOW_UP = "INSERT INTO reconciliation_follow_up (id, subject, subject_id,"
            + " attempts, opened_at, due_at, version) VALUES (?, 'PAYMENT', ?, 0, ?, ?, 1)";
    private static final String CLOSE_FOLLOW_UP = "DELETE FROM reconciliation_follow_up WHERE subject = 'PAYMENT'"
            + " AND subject_id = ?";
    private static final String ENQUEUE_RECEIPT = "INSERT INTO mail_outbox (id, kind, recipient, template_values,"
            + " created_at, attempts, next_attempt_at) VALUES (?, 'payment-receipt', ?, ?, ?, 0, ?)";
    private static final String INSERT_AUDIT = "INSERT INTO audit_record (id, occurred_at, actor, origin, action,"
            + " subject_type, subject_id, outcome, detail) VALUES (?, ?, ?, ?, ?, 'payment', ?, 'ok', ?)";
    private static final String FINISH_ATTEMPT = "UPDATE payment_attempt SET finished_at = ?, outcome_kind = ?,"
            + " processor_reference = ? WHERE id = ?";
    private static final String SETTLE_PAYMENT = "UPDATE payment SET status = ?, processor_reference = ?,"
            + " updated_at = ?, version = ? WHERE id = ? AND version = ?";
    private static final String ADD_CREDIT = "UPDATE customer SET credit_minor = ?, version = ?"
            + " WHERE id = ? AND version = ?";
    private static final String COMPLETE_IDEMPOTENCY = "UPDATE idempotency_record SET completed_at = ?,"
            + " response_status = ?, response_type = ?, response_location = ?, response_body = ? WHERE id = ?";

    private final JdbcConnectionPool pool;
    private final Sequences ids = new Sequences();
    private final String customerPrefix;
    private final String url;

    private JdbcBaseline(String url, JdbcConnectionPool pool, String customerPrefix) {
        this.url = url;
        this.pool = pool;
        this.customerPrefix = customerPrefix;
    }

    /** Creates the database in {@code dir} with Paydesk's migrations and opens a pool of {@code poolMax}. */
    static JdbcBaseline create(Path dir, int poolMax, String customerPrefix) {
        String url = H2Database.url(dir);
        H2Database.migrate(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, H2Database.USER, H2Database.PASSWORD);
        pool.setMaxConnections(poolMax);
        return new JdbcBaseline(url, pool, customerPrefix);
    }

    String url() {
        return url;
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public List<PaymentSlot> seed(int payments) throws SQLException {
        int customers = Math.max(1, (payments + Workload.PAYMENTS_PER_CUSTOMER - 1) / Workload.PAYMENTS_PER_CUSTOMER);
        int invoicesEach = Workload.PAYMENTS_PER_CUSTOMER * Workload.INVOICES_PER_PAYMENT;
        List<List<PaymentSlot>> perCustomer = new ArrayList<>();
        try (Connection c = connection();
                PreparedStatement customer = c.prepareStatement("INSERT INTO customer (id, customer_number, name,"
                        + " email, currency, credit_minor, version) VALUES (?, ?, ?, ?, ?, 0, 1)");
                PreparedStatement receivable = c.prepareStatement("INSERT INTO receivable (id, customer_id,"
                        + " invoice_number, issue_date, due_date, currency, original_minor, open_minor, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (int n = 0; n < customers; n++) {
                long customerId = ids.next(c, "customer_seq");
                String number = Workload.nextCustomerNumber(customerPrefix);
                customer.setLong(1, customerId);
                customer.setString(2, number);
                customer.setString(3, "Bench customer " + number);
                customer.setString(4, "ap@bench.example");
                customer.setString(5, Workload.CURRENCY);
                customer.executeUpdate();
                List<PaymentSlot.Line> lines = new ArrayList<>();
                for (int i = 0; i < invoicesEach; i++) {
                    long id = ids.next(c, "receivable_seq");
                    long minor = Workload.invoiceAmountMinor(i);
                    receivable.setLong(1, id);
                    receivable.setLong(2, customerId);
                    receivable.setString(3, Workload.invoiceNumber(i));
                    receivable.setDate(4, Date.valueOf(Workload.issueDate(i)));
                    receivable.setDate(5, Date.valueOf(Workload.dueDate(i)));
                    receivable.setString(6, Workload.CURRENCY);
                    receivable.setLong(7, minor);
                    receivable.setLong(8, minor);
                    receivable.addBatch();
                    lines.add(new PaymentSlot.Line(id, Workload.invoiceNumber(i), minor));
                }
                receivable.executeBatch();
                if (n % 50 == 49) {
                    c.commit();
                }
                List<PaymentSlot> slots = new ArrayList<>();
                for (int p = 0; p < Workload.PAYMENTS_PER_CUSTOMER; p++) {
                    int from = p * Workload.INVOICES_PER_PAYMENT;
                    slots.add(new PaymentSlot(customerId, number,
                            lines.subList(from, from + Workload.INVOICES_PER_PAYMENT)));
                }
                perCustomer.add(slots);
            }
            c.commit();
        }
        return Workload.interleave(perCustomer);
    }

    @Override
    public void pay(PaymentSlot slot) throws SQLException, PaymentFailedException {
        String key = UUID.randomUUID().toString();
        String body = Workload.paymentBody(slot, TOKEN);
        try (Connection c = connection()) {
            try {
                payInOneTransaction(c, slot, key, body);
                c.commit();
            } catch (SQLException | PaymentFailedException | RuntimeException failed) {
                c.rollback();
                throw failed;
            }
        }
    }

    private void payInOneTransaction(Connection c, PaymentSlot slot, String key, String body)
            throws SQLException, PaymentFailedException {
        Timestamp now = Timestamp.from(Instant.now());
        // Claim the Idempotency-Key.
        long claimId = ids.next(c, "idempotency_record_seq");
        try (PreparedStatement s = c.prepareStatement(INSERT_IDEMPOTENCY)) {
            s.setLong(1, claimId);
            s.setString(2, SCOPE);
            s.setString(3, key);
            s.setString(4, sha256(body));
            s.setTimestamp(5, now);
            s.executeUpdate();
        }
        // Open: the customer's lock, the invoices, the reserved balances, the payment, its allocations and attempt.
        lockCustomer(c, slot.customerId());
        Map<Long, long[]> invoices = readInvoices(c, slot);
        try (PreparedStatement s = c.prepareStatement(UPDATE_RECEIVABLE)) {
            for (PaymentSlot.Line line : slot.lines()) {
                long[] invoice = invoices.get(line.receivableId());
                if (invoice == null || invoice[0] < line.amountMinor()) {
                    throw new PaymentFailedException("invoice " + line.receivableId() + " is not open for "
                            + line.amountMinor());
                }
                s.setLong(1, invoice[0] - line.amountMinor());
                s.setLong(2, invoice[1] + 1);
                s.setLong(3, line.receivableId());
                s.setLong(4, invoice[1]);
                s.addBatch();
            }
            requireOneEach(s.executeBatch(), "receivable");
        }
        long paymentId = ids.next(c, "payment_seq");
        long amount = slot.amountMinor();
        long applied = slot.lines().stream().mapToLong(PaymentSlot.Line::amountMinor).sum();
        long unapplied = amount - applied;
        try (PreparedStatement s = c.prepareStatement(INSERT_PAYMENT)) {
            s.setLong(1, paymentId);
            s.setLong(2, slot.customerId());
            s.setString(3, TOKEN);
            s.setString(4, Workload.CURRENCY);
            s.setLong(5, amount);
            s.setLong(6, unapplied);
            s.setString(7, sha256(SCOPE + "\n" + key));
            s.setTimestamp(8, now);
            s.setTimestamp(9, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ALLOCATION)) {
            int lineNo = 0;
            for (PaymentSlot.Line line : slot.lines()) {
                s.setLong(1, ids.next(c, "payment_allocation_seq"));
                s.setLong(2, paymentId);
                s.setInt(3, ++lineNo);
                s.setLong(4, line.receivableId());
                s.setString(5, line.invoiceNumber());
                s.setString(6, Workload.CURRENCY);
                s.setLong(7, line.amountMinor());
                s.addBatch();
            }
            s.executeBatch();
        }
        long attemptId = ids.next(c, "payment_attempt_seq");
        try (PreparedStatement s = c.prepareStatement(INSERT_ATTEMPT)) {
            s.setLong(1, attemptId);
            s.setLong(2, paymentId);
            s.setTimestamp(3, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(OPEN_FOLLOW_UP)) {
            s.setLong(1, ids.next(c, "reconciliation_follow_up_seq"));
            s.setLong(2, paymentId);
            s.setTimestamp(3, now);
            s.setTimestamp(4, new Timestamp(now.getTime() + 300_000));
            s.executeUpdate();
        }
        audit(c, now, "payment.submitted", paymentId, Workload.money(amount) + " USD by CARD, "
                + slot.lines().size() + " allocation(s), unapplied " + Workload.money(unapplied) + " USD");

        // Settle: the processor said yes.
        long[] lockedAgain = lockCustomer(c, slot.customerId());
        String reference = "pi_sbx_" + key.replace("-", "").substring(0, 24);
        try (PreparedStatement s = c.prepareStatement(FINISH_ATTEMPT)) {
            s.setTimestamp(1, now);
            s.setString(2, "SUCCEEDED");
            s.setString(3, reference);
            s.setLong(4, attemptId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(SETTLE_PAYMENT)) {
            s.setString(1, "SUCCEEDED");
            s.setString(2, reference);
            s.setTimestamp(3, now);
            s.setLong(4, 2);
            s.setLong(5, paymentId);
            s.setLong(6, 1);
            requireOneEach(new int[] {s.executeUpdate()}, "payment");
        }
        try (PreparedStatement s = c.prepareStatement(CLOSE_FOLLOW_UP)) {
            s.setLong(1, paymentId);
            requireOneEach(new int[] {s.executeUpdate()}, "reconciliation_follow_up");
        }
        try (PreparedStatement s = c.prepareStatement(ENQUEUE_RECEIPT)) {
            s.setLong(1, ids.next(c, "mail_outbox_seq"));
            s.setString(2, "ap-" + slot.customerId() + "@bench.example");
            s.setString(3, receiptValues(slot, paymentId, amount, now.toInstant()));
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            s.executeUpdate();
        }
        audit(c, now, "payment.succeeded", paymentId, "Succeeded");
        if (unapplied > 0) {
            try (PreparedStatement s = c.prepareStatement(ADD_CREDIT)) {
                s.setLong(1, lockedAgain[0] + unapplied);
                s.setLong(2, lockedAgain[1] + 1);
                s.setLong(3, slot.customerId());
                s.setLong(4, lockedAgain[1]);
                requireOneEach(new int[] {s.executeUpdate()}, "customer");
            }
        }
        // Complete the Idempotency-Key with the response to replay.
        try (PreparedStatement s = c.prepareStatement(COMPLETE_IDEMPOTENCY)) {
            s.setTimestamp(1, now);
            s.setInt(2, 201);
            s.setString(3, "application/json");
            s.setString(4, "http://127.0.0.1/api/v1/payments/" + paymentId);
            s.setString(5, responseBody(slot, paymentId, reference, now.toInstant()));
            s.setLong(6, claimId);
            s.executeUpdate();
        }
    }

    /** {credit, version} of the locked customer. */
    private static long[] lockCustomer(Connection c, long customerId) throws SQLException, PaymentFailedException {
        try (PreparedStatement s = c.prepareStatement(LOCK_CUSTOMER)) {
            s.setLong(1, customerId);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new PaymentFailedException("no customer " + customerId);
                }
                return new long[] {row.getLong("credit_minor"), row.getLong("version")};
            }
        }
    }

    /** {open, version} by invoice id. */
    private static Map<Long, long[]> readInvoices(Connection c, PaymentSlot slot) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(slot.lines().size(), "?"));
        Map<Long, long[]> invoices = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(String.format(READ_RECEIVABLES, marks))) {
            for (int i = 0; i < slot.lines().size(); i++) {
                s.setLong(i + 1, slot.lines().get(i).receivableId());
            }
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    invoices.put(row.getLong("id"), new long[] {row.getLong("open_minor"), row.getLong("version")});
                }
            }
        }
        return invoices;
    }

    private void audit(Connection c, Timestamp at, String action, long paymentId, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_AUDIT)) {
            s.setLong(1, ids.next(c, "audit_record_seq"));
            s.setTimestamp(2, at);
            s.setString(3, ACTOR);
            s.setString(4, ORIGIN);
            s.setString(5, action);
            s.setString(6, Long.toString(paymentId));
            s.setString(7, detail);
            s.executeUpdate();
        }
    }

    private static void requireOneEach(int[] counts, String what) throws PaymentFailedException {
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw new PaymentFailedException(what + " changed by someone else (optimistic lock)");
            }
        }
    }

    /** A response like Paydesk's for the payment, to store for replays (about the same size). */
    /** The receipt's template values, about as long as Paydesk's (customer, payment, amounts, invoices). */
    private static String receiptValues(PaymentSlot slot, long paymentId, long amount, Instant at) {
        StringBuilder invoices = new StringBuilder();
        slot.lines().forEach(line -> invoices.append(line.invoiceNumber()).append(": ")
                .append(Workload.money(line.amountMinor())).append(" USD\n"));
        return "customerName=Bench customer " + slot.customerId() + "\ncustomerNumber=B-" + slot.customerId()
                + "\npaymentId=" + paymentId + "\namount=USD " + Workload.money(amount) + "\nmethod=Card\npaidAt=" + at
                + "\npaidInvoices=" + invoices + "creditKept=USD 0.00";
    }

    private static String responseBody(PaymentSlot slot, long paymentId, String reference, Instant at) {
        StringBuilder json = new StringBuilder(700);
        json.append("{\"id\":").append(paymentId).append(",\"customerId\":").append(slot.customerId())
                .append(",\"status\":\"SUCCEEDED\",\"amount\":{\"amount\":\"")
                .append(Workload.money(slot.amountMinor()))
                .append("\",\"currency\":\"USD\"},\"paymentMethod\":{\"type\":\"card\",\"token\":\"").append(TOKEN)
                .append("\"},\"channel\":\"ACCOUNTS_RECEIVABLE\",\"allocations\":[");
        for (int i = 0; i < slot.lines().size(); i++) {
            PaymentSlot.Line line = slot.lines().get(i);
            json.append(i == 0 ? "" : ",").append("{\"receivableId\":").append(line.receivableId())
                    .append(",\"invoiceNumber\":\"").append(line.invoiceNumber())
                    .append("\",\"amount\":{\"amount\":\"").append(Workload.money(line.amountMinor()))
                    .append("\",\"currency\":\"USD\"}}");
        }
        return json.append("],\"unapplied\":{\"amount\":\"0.00\",\"currency\":\"USD\"},\"processorReference\":\"")
                .append(reference).append("\",\"createdAt\":\"").append(at).append("\",\"updatedAt\":\"").append(at)
                .append("\"}").toString();
    }

    private Connection connection() throws SQLException {
        Connection c = pool.getConnection();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    @Override
    public void close() {
        pool.dispose();
        H2Database.shutdown(url);
    }

    /**
     * Ids from the database sequences, 50 per round trip, handed out as EclipseLink does: the value the sequence
     * returns is the highest id of its block ({@code INCREMENT BY 50}, see the migration).
     */
    static final class Sequences {

        private static final int BLOCK = 50;
        private final Map<String, long[]> blocks = new HashMap<>();

        synchronized long next(Connection c, String sequence) throws SQLException {
            long[] block = blocks.get(sequence);
            if (block == null || block[0] > block[1]) {
                try (PreparedStatement s = c.prepareStatement("VALUES NEXT VALUE FOR " + sequence);
                        ResultSet row = s.executeQuery()) {
                    row.next();
                    long high = row.getLong(1);
                    block = new long[] {high - BLOCK + 1, high};
                    blocks.put(sequence, block);
                }
            }
            return block[0]++;
        }
    }
}
