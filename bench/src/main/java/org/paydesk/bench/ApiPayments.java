package org.paydesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Payments through Paydesk's API: {@code POST /api/v1/payments} as the cashier, a fresh {@code Idempotency-Key}
 * each, paying a slot's invoices by explicit allocation with the sandbox's test Visa. Seeding goes through the
 * API too, as the ERP (role {@code INTEGRATION}) would push customers and invoices.
 */
final class ApiPayments implements PaymentTarget {

    /** Parallel seeding requests: keeps both cores busy without queueing in the server. */
    private static final int SEEDERS = 4;

    private final PaydeskApi api;
    private final PaydeskServer.Users users;
    private final String token;
    private final String customerPrefix;

    ApiPayments(PaydeskApi api, PaydeskServer.Users users, String customerPrefix) throws Exception {
        this.api = api;
        this.users = users;
        this.customerPrefix = customerPrefix;
        this.token = api.tokenizeCard(users.cashier());
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public List<PaymentSlot> seed(int payments) throws Exception {
        int customers = Math.max(1, (payments + Workload.PAYMENTS_PER_CUSTOMER - 1) / Workload.PAYMENTS_PER_CUSTOMER);
        ExecutorService pool = Executors.newFixedThreadPool(SEEDERS);
        try {
            List<Future<List<PaymentSlot>>> futures = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                futures.add(pool.submit(() -> seedCustomer(Workload.PAYMENTS_PER_CUSTOMER)));
            }
            List<List<PaymentSlot>> perCustomer = new ArrayList<>();
            for (Future<List<PaymentSlot>> future : futures) {
                perCustomer.add(future.get());
            }
            return Workload.interleave(perCustomer);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<PaymentSlot> seedCustomer(int payments) throws Exception {
        String number = Workload.nextCustomerNumber(customerPrefix);
        long customerId = api.registerCustomer(users.integration(), number);
        List<PaymentSlot.Line> invoices = api.importInvoices(users.integration(), customerId, 0,
                payments * Workload.INVOICES_PER_PAYMENT, Workload::invoiceAmountMinor);
        List<PaymentSlot> slots = new ArrayList<>();
        for (int p = 0; p < payments; p++) {
            int from = p * Workload.INVOICES_PER_PAYMENT;
            slots.add(new PaymentSlot(customerId, number,
                    invoices.subList(from, from + Workload.INVOICES_PER_PAYMENT)));
        }
        return slots;
    }

    @Override
    public void pay(PaymentSlot slot) throws Exception {
        PaydeskApi.Answer answer = api.post(users.cashier(), "payments", Workload.paymentBody(slot, token),
                UUID.randomUUID().toString());
        if (answer.status() != 201 || !answer.body().contains("\"status\":\"SUCCEEDED\"")) {
            throw new PaymentFailedException("HTTP " + answer.status() + " " + Json.abbreviate(answer.body()));
        }
    }

    /**
     * Registers a customer with {@code invoices} small open invoices (imported {@code batch} at a time, the API's
     * limit being 500) and returns it as one slot naming all of them.
     */
    PaymentSlot seedCustomerWith(int invoices, int batch) throws Exception {
        String number = Workload.nextCustomerNumber(customerPrefix + "-S");
        long customerId = api.registerCustomer(users.integration(), number);
        List<PaymentSlot.Line> all = new ArrayList<>();
        for (int first = 0; first < invoices; first += batch) {
            all.addAll(api.importInvoices(users.integration(), customerId, first, Math.min(batch, invoices - first),
                    Workload::smallInvoiceAmountMinor));
        }
        return new PaymentSlot(customerId, number, all);
    }

    /** Pays a customer's whole open total oldest due first; throws unless it succeeded. */
    PaydeskApi.Answer payOldestFirst(PaymentSlot customer) throws Exception {
        PaydeskApi.Answer answer = api.post(users.cashier(), "payments",
                Workload.oldestFirstBody(customer.customerId(), customer.amountMinor(), token),
                UUID.randomUUID().toString());
        if (answer.status() != 201 || !answer.body().contains("\"status\":\"SUCCEEDED\"")) {
            throw new PaymentFailedException("oldest-first payment over " + customer.lines().size() + " invoices: HTTP "
                    + answer.status() + " " + Json.abbreviate(answer.body()));
        }
        return answer;
    }
}
