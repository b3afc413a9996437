package org.paydesk.stripefake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends events to the configured endpoint as Stripe does: a POST of the event's JSON with
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the endpoint's secret>}, one at a
 * time in the order they happened.
 */
final class Webhooks implements AutoCloseable {

    /** One delivery attempt: the event, and the endpoint's status (or -1 and the error when none came). */
    record Delivery(String eventId, String eventType, int status, String error) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stripe-fake-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile URI endpoint;
    private volatile String secret;

    void configure(URI endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret;
    }

    /** Queues the event's delivery, when an endpoint is configured. */
    void send(String eventId, String eventType, String body) {
        URI target = endpoint;
        String key = secret;
        if (target == null || key == null) {
            return;
        }
        sender.execute(() -> deliver(target, key, eventId, eventType, body));
    }

    private void deliver(URI target, String key, String eventId, String eventType, String body) {
        long timestamp = System.currentTimeMillis() / 1000;
        Delivery delivery;
        try {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", signatureHeader(key, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            delivery = new Delivery(eventId, eventType, status, null);
        } catch (java.io.IOException failed) {
            delivery = new Delivery(eventId, eventType, -1, failed.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
    }

    /** Stripe's signature header for the payload at the given time. */
    static String signatureHeader(String secret, long timestamp, String payload) {
        return "t=" + timestamp + ",v1=" + hmacSha256Hex(secret, timestamp + "." + payload);
    }

    static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    void reset() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
