package org.paydesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline on its own H2 file: what one payment writes, and that an invoice is never paid twice. */
class JdbcBaselineIT {

    @TempDir
    Path dir;

    @Test
    void writesPerPaymentWhatPaydeskWritesForACardPaymentOfThreeInvoices() throws Exception {
        try (JdbcBaseline baseline = JdbcBaseline.create(dir, 4, "T")) {
            List<PaymentSlot> slots = baseline.seed(5);
            for (PaymentSlot slot : slots.subList(0, 5)) {
                baseline.pay(slot);
            }
        }
        RowCounts counts = RowCounts.count(H2Database.url(dir));
        assertEquals(5, counts.payments());
        Map<String, Double> per = counts.perPayment();
        assertEquals(3.0, per.get("payment_allocation"));
        assertEquals(1.0, per.get("payment_attempt"));
        assertEquals(1.0, per.get("idempotency_record"));
        assertEquals(2.0, per.get("audit_record"));
        assertEquals(3.0, per.get("receivable updates"));
        assertEquals(1.0, per.get("payment updates"));
        assertEquals(1.0, per.get("payment_attempt updates"));
        assertEquals(1.0, per.get("idempotency_record updates"));
        assertEquals(0.0, per.get("customer updates"));
    }

    @Test
    void refusesToPayAnInvoiceThatIsNoLongerOpen() throws Exception {
        try (JdbcBaseline baseline = JdbcBaseline.create(dir, 2, "T")) {
            PaymentSlot slot = baseline.seed(1).get(0);
            baseline.pay(slot);
            assertThrows(PaymentTarget.PaymentFailedException.class, () -> baseline.pay(slot));
        }
        assertEquals(1, RowCounts.count(H2Database.url(dir)).payments());
    }
}
