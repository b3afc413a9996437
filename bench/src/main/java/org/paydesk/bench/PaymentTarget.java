package org.paydesk.bench;

import java.util.List;

/**
 * What the load generators drive: Paydesk over HTTP, or the plain-JDBC baseline. Both seed the same data and make
 * the same payments (see {@link Workload}).
 */
interface PaymentTarget {

    /** For tables and messages. */
    String name();

    /** Seeds customers and invoices for at least {@code payments} payments; not measured. */
    List<PaymentSlot> seed(int payments) throws Exception;

    /**
     * Makes one payment and returns when it is committed.
     *
     * @throws PaymentFailedException when the payment was refused or did not succeed
     */
    void pay(PaymentSlot slot) throws Exception;

    /** A payment that did not end as a success: what the target answered. */
    final class PaymentFailedException extends Exception {

        PaymentFailedException(String message) {
            super(message);
        }
    }
}
