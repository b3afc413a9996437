package org.paydesk.bench;

import java.util.List;

/**
 * One payment the benchmark will make: a seeded customer and the invoices it pays, each in full, so the payment
 * leaves nothing unapplied. Slots are never reused: every payment finds its invoices open.
 *
 * @param customerId the customer's id in the database the slot was seeded in
 * @param customerNumber the customer's number, for messages
 * @param lines the invoices and the amount applied to each
 */
record PaymentSlot(long customerId, String customerNumber, List<Line> lines) {

    PaymentSlot {
        lines = List.copyOf(lines);
    }

    /** The payment's amount: the sum of what it applies. */
    long amountMinor() {
        return lines.stream().mapToLong(Line::amountMinor).sum();
    }

    /**
     * One invoice a slot pays.
     *
     * @param receivableId its id
     * @param invoiceNumber its number
     * @param amountMinor its whole open balance, in cents
     */
    record Line(long receivableId, String invoiceNumber, long amountMinor) {
    }
}
