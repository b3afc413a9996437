package org.paydesk.stripefake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stateful local fake of Stripe's API, on its own HTTP port: answers stripe-java (or any HTTP client) as Stripe's
 * test mode would for the resources Paydesk uses, so the Stripe adapter can be tested end to end without the network.
 *
 * <ul>
 *   <li><b>Objects</b>: Stripe's own fixtures ({@code fixtures3.json}, MIT, see {@code stripe-fake/NOTICE.md}) adjusted
 *       to each request; state kept for customers, payment methods (attach, detach), PaymentIntents with their
 *       statuses, SetupIntents, charges, refunds and events.</li>
 *   <li><b>Test data</b>: Stripe's test cards and test PaymentMethod ids ({@code pm_card_visa},
 *       {@code pm_card_chargeDeclined}, {@code pm_card_visa_chargeDeclinedInsufficientFunds}, 3-D Secure ids ...),
 *       ACH test ids ({@code pm_usBankAccount_success}, {@code pm_usBankAccount_accountClosed} ...) and the simulated
 *       wallet ids {@code pm_applepay_<x>} / {@code pm_googlepay_<x>} (a card with {@code card.wallet.type}).</li>
 *   <li><b>Rules</b>: {@code Authorization: Bearer sk_test_...} (or Basic with the key as user) required; every request checked against Stripe's OpenAPI
 *       spec (unknown path or parameter: 400 {@code invalid_request_error}); idempotency keys honoured as Stripe
 *       documents them ({@link Idempotency}); {@code expand[]} honoured for the ids of objects the fake keeps
 *       ({@code latest_charge}, {@code data.latest_charge} in a search, {@code customer}, {@code payment_method}
 *       ...), and refused for any other property as Stripe refuses it.</li>
 *   <li><b>ACH</b>: debits answer {@code processing} and settle when told ({@link #settle}, {@link #settleAll}) or after
 *       {@link #settleAchAfter}; {@link #achReturn} returns a settled debit.</li>
 *   <li><b>Webhooks</b>: every event is sent, signed as Stripe signs, to {@link #webhookEndpoint} when set;
 *       {@link #trigger} makes one on demand ({@code charge.dispute.created} ...).</li>
 *   <li><b>Faults</b>: {@link #failNext} answers the next requests with 429/500/503 before doing anything;
 *       {@link #timeoutAfterChargeNext} performs the next charges and then holds the connection without answering.</li>
 * </ul>
 * Start it with {@link #start(int)} (0 for any free port) and close it when done. Run on its own with
 * {@link StripeFakeMain}.
 */
public final class StripeFake implements AutoCloseable {

    /** One request as the fake received and answered it. */
    public record RecordedRequest(String method, String path, String idempotencyKey, String body, int status,
            boolean replayed) {
    }

    /** One webhook delivery: the event, and the endpoint's HTTP status (-1 with the error when none came). */
    public record WebhookDelivery(String eventId, String eventType, int status, String error) {
    }

    static final String API_VERSION = "2022-04-12";
    private static final Logger LOG = Logger.getLogger(StripeFake.class.getName());
    private static final Pattern TEST_KEY = Pattern.compile("Bearer sk_test_[A-Za-z0-9_]+");
    private static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final SpecValidator spec;
    private final StripeApi api;
    private final Idempotency idempotency = new Idempotency();
    private final Webhooks webhooks = new Webhooks();
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService settler;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus = 500;
    private final AtomicInteger timeouts = new AtomicInteger();
    private volatile Duration hold = DEFAULT_HOLD;
    private volatile Duration achDelay;
    private volatile CountDownLatch released = new CountDownLatch(1);
    /** For tests of concurrent requests: how long each API request takes once it has begun. */
    volatile Duration processingDelay = Duration.ZERO;

    private StripeFake(int port, SpecValidator spec) throws IOException {
        this.spec = spec;
        this.api = new StripeApi(json, this::onEvent);
        this.workers = Executors.newCachedThreadPool(daemon("stripe-fake-http"));
        this.settler = Executors.newSingleThreadScheduledExecutor(daemon("stripe-fake-settler"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the fake on 127.0.0.1 at the port (0: any free port), with the spec bundled in the fake. */
    public static StripeFake start(int port) {
        return start(port, null);
    }

    /** Starts the fake validating against the spec file at {@code specPath} (JSON, or gzip-compressed JSON). */
    public static StripeFake start(int port, Path specPath) {
        try {
            return new StripeFake(port, specPath == null ? SpecValidator.bundled() : SpecValidator.from(specPath));
        } catch (IOException e) {
            throw new UncheckedIOException("the Stripe fake could not listen on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the API base URL to give the Stripe client. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ------------------------------------------------------------------------------------------------ faults

    /** The next {@code count} API requests are answered with {@code status} (429, 500, 503 ...) and do nothing. */
    public void failNext(int count, int status) {
        if (status < 400) {
            throw new IllegalArgumentException("a failure status is 4xx or 5xx: " + status);
        }
        failureStatus = status;
        failures.set(count);
    }

    /**
     * The next {@code count} PaymentIntent creations are performed (charged, and their answer saved under their
     * idempotency key), and then answered with nothing: the connection is held for {@link #holdConnectionsFor} (30 s
     * by default; longer than the client's read timeout), or until {@link #reset()} or {@link #close()}.
     */
    public void timeoutAfterChargeNext(int count) {
        timeouts.set(count);
    }

    /** How long {@link #timeoutAfterChargeNext} holds a connection. */
    public void holdConnectionsFor(Duration duration) {
        this.hold = Objects.requireNonNull(duration, "duration");
    }

    /** Forgets every object, saved idempotent answer, recorded request and pending fault. */
    public void reset() {
        failures.set(0);
        timeouts.set(0);
        CountDownLatch old = released;
        released = new CountDownLatch(1);
        old.countDown();
        api.reset();
        idempotency.reset();
        webhooks.reset();
        synchronized (requests) {
            requests.clear();
        }
    }

    // -------------------------------------------------------------------------------------------- inspection

    public List<JsonNode> paymentIntents() {
        return api.snapshot("payment_intents");
    }

    public List<JsonNode> charges() {
        return api.snapshot("charges");
    }

    public List<JsonNode> refunds() {
        return api.snapshot("refunds");
    }

    public List<JsonNode> customers() {
        return api.snapshot("customers");
    }

    public List<JsonNode> paymentMethods() {
        return api.snapshot("payment_methods");
    }

    public List<JsonNode> setupIntents() {
        return api.snapshot("setup_intents");
    }

    public List<JsonNode> events() {
        return api.snapshot("events");
    }

    /** Every API request received, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    // ------------------------------------------------------------------------------------- ACH and webhooks

    /**
     * Settles a processing ACH debit as its test account says (success, or failure with the account's code).
     *
     * @return false when it is not processing or its account never settles ({@code pm_usBankAccount_processing})
     */
    public boolean settle(String paymentIntentId) {
        return api.settle(paymentIntentId);
    }

    /** Settles every processing ACH debit and pending refund; answers how many. */
    public int settleAll() {
        return api.settleAll();
    }

    /** ACH debits settle by themselves this long after they are accepted (null: only when told). */
    public void settleAchAfter(Duration delay) {
        this.achDelay = delay;
    }

    /** A return of a settled ACH debit ({@code debit_not_authorized}, {@code account_closed} ...). */
    public void achReturn(String paymentIntentId, String failureCode) {
        api.achReturn(paymentIntentId, failureCode);
    }

    /** What Stripe.js does when the payer completes the SetupIntent with the method; answers the saved method's id. */
    public String completeSetup(String setupIntentId, String paymentMethodId) {
        return api.confirmSetup(setupIntentId, paymentMethodId).path("payment_method").asText();
    }

    /** Where events are sent, signed with {@code signingSecret} ({@code whsec_...}); null stops sending. */
    public void webhookEndpoint(URI url, String signingSecret) {
        webhooks.configure(url, signingSecret);
    }

    /**
     * Makes and sends an event: {@code payment_intent.succeeded|processing|payment_failed} for a PaymentIntent,
     * {@code setup_intent.succeeded} for a SetupIntent, {@code charge.refunded}, {@code charge.failed} or
     * {@code charge.dispute.created} for a charge (or a PaymentIntent's latest charge; a dispute also marks the
     * charge {@code disputed}, as Stripe does).
     *
     * @return the event's id
     */
    public String trigger(String eventType, String objectId) {
        return api.trigger(eventType, objectId).path("id").asText();
    }

    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries().stream()
                .map(d -> new WebhookDelivery(d.eventId(), d.eventType(), d.status(), d.error())).toList();
    }

    /** The {@code Stripe-Signature} header Stripe would send for the payload, at the time and with the secret. */
    public static String signatureHeader(String signingSecret, long unixSeconds, String payload) {
        return Webhooks.signatureHeader(signingSecret, unixSeconds, payload);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        workers.shutdownNow();
        settler.shutdownNow();
        webhooks.close();
    }

    // ---------------------------------------------------------------------------------------------- serving

    private void onEvent(ObjectNode event) {
        try {
            webhooks.send(event.path("id").asText(), event.path("type").asText(), json.writeValueAsString(event));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        Duration delay = achDelay;
        if (delay != null && "payment_intent.processing".equals(event.path("type").asText())) {
            String intent = event.path("data").path("object").path("id").asText();
            settler.schedule(() -> {
                try {
                    api.settle(intent);
                } catch (RuntimeException gone) {
                    LOG.log(Level.FINE, "stripe fake: could not settle " + intent, gone);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.startsWith("/_fake/")) {
                FakeControl.handle(this, exchange, method, path, exchange.getRequestURI().getRawQuery());
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String encoded = "GET".equals(method) || "DELETE".equals(method)
                    ? exchange.getRequestURI().getRawQuery() : body;
            Answer answer = answer(exchange, method, path, encoded, key);
            record(method, path, key, encoded, answer.status, answer.replayed);
            if (answer.hold) {
                hold();
                return; // never answered: the client's read timeout fires
            }
            write(exchange, answer.status, answer.body, key, answer.replayed);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "stripe fake failed", unexpected);
            try {
                write(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"The Stripe fake failed: "
                        + unexpected.getClass().getSimpleName() + "\"}}", null, false);
            } catch (IOException | RuntimeException ignored) {
                // the exchange is already closed
            }
        }
    }

    private record Answer(int status, String body, boolean replayed, boolean hold) {
    }

    private Answer answer(HttpExchange exchange, String method, String path, String encoded, String key)
            throws JsonProcessingException {
        String authorization = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
        if (authorization == null || !TEST_KEY.matcher(authorization).matches()) {
            // The key is never echoed, as Stripe masks it.
            return error(new ApiError(401, "invalid_request_error", null, authorization == null
                    ? "You did not provide an API key." : "Invalid API Key provided: the fake takes only test "
                    + "secret keys (sk_test_...) as a Bearer token.", null));
        }
        if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            int status = failureStatus;
            return error(status == 429
                    ? new ApiError(429, "invalid_request_error", "rate_limit", "Too many requests hit the API too "
                            + "quickly. We recommend an exponential backoff of your requests.", null)
                    : new ApiError(status, "api_error", null, "Something went wrong on Stripe's end (injected by the "
                            + "fake, HTTP " + status + ").", null));
        }
        Map<String, Object> params;
        String template;
        try {
            params = FormBody.parse(encoded);
            template = spec.validate(method, path, params);
        } catch (ApiError refused) {
            return error(refused);
        }
        boolean idempotent = "POST".equals(method) && key != null;
        if (idempotent) {
            try {
                Idempotency.Decision decision = idempotency.begin(key, fingerprint(method, path, encoded));
                if (decision instanceof Idempotency.Replay replay) {
                    return new Answer(replay.status(), replay.body(), true, false);
                }
            } catch (ApiError refused) {
                return error(refused);
            }
        }
        StripeApi.Answer result;
        try {
            if (!processingDelay.isZero()) {
                Thread.sleep(processingDelay.toMillis());
            }
            result = api.handle(method, template, path, params, key);
        } catch (ApiError refused) {
            if (idempotent) {
                idempotency.release(key);
            }
            return error(refused);
        } catch (RuntimeException failed) {
            if (idempotent) {
                idempotency.release(key);
            }
            throw failed;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            if (idempotent) {
                idempotency.release(key);
            }
            return error(new ApiError(500, "api_error", null, "The fake was stopped.", null));
        }
        String body = json.writeValueAsString(result.body());
        if (idempotent) {
            if (result.status() < 300 || result.status() == 402) {
                idempotency.finish(key, result.status(), body);
            } else {
                idempotency.release(key);
            }
        }
        boolean hold = "POST".equals(method) && "/v1/payment_intents".equals(template)
                && timeouts.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        return new Answer(result.status(), body, false, hold);
    }

    /** Stripe takes the key as a Bearer token or as the user name of Basic authentication (curl -u sk_test_...:). */
    private static String bearer(String authorization) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            try {
                String user = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = user.indexOf(':');
                return "Bearer " + (colon < 0 ? user : user.substring(0, colon));
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return authorization;
    }

    private Answer error(ApiError error) throws JsonProcessingException {
        return new Answer(error.status(), json.writeValueAsString(error.body()), false, false);
    }

    private void hold() {
        try {
            released.await(hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fingerprint(String method, String path, String encoded) {
        return method + " " + path + "?" + FormBody.pairs(encoded).stream()
                .map(pair -> pair.getKey() + "=" + pair.getValue()).sorted().collect(Collectors.joining("&"));
    }

    private void record(String method, String path, String key, String body, int status, boolean replayed) {
        synchronized (requests) {
            requests.add(new RecordedRequest(method, path, key, body, status, replayed));
        }
    }

    private static void write(HttpExchange exchange, int status, String body, String key, boolean replayed)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + UUID.randomUUID().toString().replace("-", ""));
        exchange.getResponseHeaders().set("Stripe-Version", API_VERSION);
        if (key != null) {
            exchange.getResponseHeaders().set("Idempotency-Key", key);
        }
        if (replayed) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    JsonNode state() {
        ObjectNode state = json.createObjectNode();
        for (String kind : List.of("customers", "payment_methods", "payment_intents", "setup_intents", "charges",
                "refunds", "events")) {
            state.set(kind, json.valueToTree(api.snapshot(kind)));
        }
        return state;
    }

    ObjectMapper json() {
        return json;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
