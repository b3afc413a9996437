package org.paydesk.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntToLongFunction;

/**
 * Paydesk's REST API as the benchmark uses it, over one {@link HttpClient} (HTTP/1.1, keep-alive, one connection
 * per concurrent request). Credentials go in every request (preemptive Basic), as a back-office client would send
 * them, so no request costs an extra 401 round trip.
 */
final class PaydeskApi implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final ExecutorService executor;
    private final URI base;

    PaydeskApi(URI base) {
        this.base = base;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "paydesk-bench-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param body the body as text
     */
    record Answer(int status, String body) {
    }

    Answer get(PaydeskServer.Credentials who, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", who.basicAuthorization())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    Answer post(PaydeskServer.Credentials who, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", who.basicAuthorization())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** True once Paydesk is deployed and authenticates: the customer list answers 200. */
    boolean ready(PaydeskServer.Credentials who) throws IOException, InterruptedException {
        return get(who, "customers?size=1").status() == 200;
    }

    /** Registers a customer billed in USD; returns its id. */
    long registerCustomer(PaydeskServer.Credentials who, String number) throws IOException, InterruptedException {
        String body = "{\"number\":" + Json.quote(number) + ",\"name\":" + Json.quote("Bench customer " + number)
                + ",\"email\":\"ap@bench.example\",\"currency\":\"" + Workload.CURRENCY + "\"}";
        Answer answer = post(who, "customers", body, null);
        require(answer, 201, "register customer " + number);
        return ((BigDecimal) Json.object(answer.body()).get("id")).longValueExact();
    }

    /**
     * Imports invoices {@code first .. first + count - 1} of a customer (numbers and dates from {@link Workload},
     * amounts from {@code amounts} by index); returns them in the order given.
     */
    List<PaymentSlot.Line> importInvoices(PaydeskServer.Credentials who, long customerId, int first, int count,
            IntToLongFunction amounts) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder(count * 140 + 40);
        body.append("{\"customerId\":").append(customerId).append(",\"receivables\":[");
        for (int i = first; i < first + count; i++) {
            body.append(i == first ? "" : ",")
                    .append("{\"number\":\"").append(Workload.invoiceNumber(i))
                    .append("\",\"issueDate\":\"").append(Workload.issueDate(i))
                    .append("\",\"dueDate\":\"").append(Workload.dueDate(i))
                    .append("\",\"amount\":{\"amount\":\"").append(Workload.money(amounts.applyAsLong(i)))
                    .append("\",\"currency\":\"").append(Workload.CURRENCY).append("\"}}");
        }
        body.append("]}");
        Answer answer = post(who, "receivables", body.toString(), null);
        require(answer, 201, "import " + count + " invoices of customer " + customerId);
        List<PaymentSlot.Line> lines = new ArrayList<>();
        for (Object item : Json.array(answer.body())) {
            Map<?, ?> invoice = (Map<?, ?>) item;
            long id = ((BigDecimal) invoice.get("id")).longValueExact();
            String number = (String) invoice.get("number");
            Map<?, ?> open = (Map<?, ?>) invoice.get("openBalance");
            long minor = new BigDecimal((String) open.get("amount")).movePointRight(2).longValueExact();
            lines.add(new PaymentSlot.Line(id, number, minor));
        }
        if (lines.size() != count) {
            throw new IllegalStateException("imported " + count + " invoices, got " + lines.size() + " back");
        }
        return lines;
    }

    /** Stripe's always-succeeding test Visa: the only kind of number the sandbox tokenizer accepts. */
    private static final String SANDBOX_TEST_VISA = "4242424242424242";

    /** Tokenizes Stripe's always-succeeding test Visa in the sandbox, as Stripe.js would. */
    String tokenizeCard(PaydeskServer.Credentials who) throws IOException, InterruptedException {
        Answer answer = post(who, "sandbox/payment-methods",
                "{\"type\":\"card\",\"card\":{\"number\":\"" + SANDBOX_TEST_VISA
                        + "\",\"expMonth\":12,\"expYear\":2034,\"cvc\":\"123\"}}", null);
        require(answer, 201, "tokenize the test card");
        return (String) Json.object(answer.body()).get("token");
    }

    static void require(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + Json.abbreviate(answer.body()));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
