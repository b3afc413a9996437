package org.paydesk.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shape of the data and of the payments, shared by the API run and the JDBC baseline so both write the same
 * thing: customers in USD with open invoices; each throughput payment pays {@value #INVOICES_PER_PAYMENT} of
 * them in full by explicit allocation.
 */
final class Workload {

    /** Invoices each throughput payment pays (issue 3). */
    static final int INVOICES_PER_PAYMENT = 3;
    /** Payments seeded per customer: enough customers that concurrent payments rarely share one. */
    static final int PAYMENTS_PER_CUSTOMER = 20;
    static final String CURRENCY = "USD";
    static final LocalDate FIRST_DUE = LocalDate.of(2026, 1, 31);

    private static final AtomicLong CUSTOMERS = new AtomicLong();

    private Workload() {
    }

    /** A customer number unique within the run (all seeding rounds, both databases). */
    static String nextCustomerNumber(String prefix) {
        return String.format(Locale.ROOT, "%s-%06d", prefix, CUSTOMERS.incrementAndGet());
    }

    static String invoiceNumber(int index) {
        return String.format(Locale.ROOT, "INV-%05d", index + 1);
    }

    /** Between 100.00 and 108.99: different amounts, all above the processor's minimum. */
    static long invoiceAmountMinor(int index) {
        return 100_00 + (index * 37L) % 900;
    }

    /**
     * Between 1.00 and 9.99: the scaling customers' invoices, so that paying all 10,000 of them in one payment
     * stays under the processor's limit per charge ($999,999.99, as Stripe's).
     */
    static long smallInvoiceAmountMinor(int index) {
        return 1_00 + (index * 37L) % 900;
    }

    static LocalDate dueDate(int index) {
        return FIRST_DUE.plusDays(index);
    }

    static LocalDate issueDate(int index) {
        return dueDate(index).minusDays(30);
    }

    /** Cents as the API writes money: "123.45". */
    static String money(long minor) {
        return String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100);
    }

    /**
     * The slots of each customer interleaved (first slot of every customer, then the second ...), so payments
     * made one after the other, or at the same time, are for different customers.
     */
    static List<PaymentSlot> interleave(List<List<PaymentSlot>> perCustomer) {
        List<PaymentSlot> out = new ArrayList<>();
        int longest = perCustomer.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<PaymentSlot> slots : perCustomer) {
                if (i < slots.size()) {
                    out.add(slots.get(i));
                }
            }
        }
        return out;
    }

    /** The body of {@code POST /api/v1/payments} for a slot: explicit allocations, paid by card token. */
    static String paymentBody(PaymentSlot slot, String token) {
        StringBuilder body = new StringBuilder(320);
        body.append("{\"customerId\":").append(slot.customerId())
                .append(",\"amount\":{\"amount\":\"").append(money(slot.amountMinor()))
                .append("\",\"currency\":\"").append(CURRENCY).append("\"}")
                .append(",\"paymentMethod\":{\"type\":\"card\",\"token\":").append(Json.quote(token)).append('}')
                .append(",\"allocations\":[");
        for (int i = 0; i < slot.lines().size(); i++) {
            PaymentSlot.Line line = slot.lines().get(i);
            body.append(i == 0 ? "" : ",").append("{\"receivableId\":").append(line.receivableId())
                    .append(",\"amount\":{\"amount\":\"").append(money(line.amountMinor()))
                    .append("\",\"currency\":\"").append(CURRENCY).append("\"}}");
        }
        return body.append("]}").toString();
    }

    /** The body of an oldest-due-first payment of {@code amountMinor} (the scaling runs). */
    static String oldestFirstBody(long customerId, long amountMinor, String token) {
        return "{\"customerId\":" + customerId + ",\"amount\":{\"amount\":\"" + money(amountMinor)
                + "\",\"currency\":\"" + CURRENCY + "\"},\"paymentMethod\":{\"type\":\"card\",\"token\":"
                + Json.quote(token) + "}}";
    }
}
