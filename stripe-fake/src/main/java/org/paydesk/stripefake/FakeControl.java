package org.paydesk.stripefake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The fake's controls over HTTP, for when it runs as its own process: {@code POST /_fake/reset},
 * {@code /_fake/fail?count=2&status=503}, {@code /_fake/timeout?count=1}, {@code /_fake/settle?payment_intent=pi_...}
 * (all when omitted), {@code /_fake/settle-after?ms=5000}, {@code /_fake/ach-return?payment_intent=&code=},
 * {@code /_fake/trigger?type=&id=}, {@code /_fake/webhook?url=&secret=}, {@code /_fake/complete-setup?setup_intent=
 * &payment_method=}, and {@code GET /_fake/state} (every object held). No API key is needed: the fake listens on the
 * loopback address only.
 */
final class FakeControl {

    private FakeControl() {
    }

    static void handle(StripeFake fake, HttpExchange exchange, String method, String path, String query)
            throws IOException {
        Map<String, Object> params = FormBody.parse(query);
        String answer;
        int status = 200;
        try {
            switch (method + " " + path) {
                case "POST /_fake/reset" -> {
                    fake.reset();
                    answer = "{\"reset\":true}";
                }
                case "POST /_fake/fail" -> {
                    fake.failNext(number(params, "count", 1), number(params, "status", 500));
                    answer = "{\"ok\":true}";
                }
                case "POST /_fake/timeout" -> {
                    fake.timeoutAfterChargeNext(number(params, "count", 1));
                    answer = "{\"ok\":true}";
                }
                case "POST /_fake/settle" -> {
                    Object intent = params.get("payment_intent");
                    answer = intent == null ? "{\"settled\":" + fake.settleAll() + "}"
                            : "{\"settled\":" + fake.settle(String.valueOf(intent)) + "}";
                }
                case "POST /_fake/settle-after" -> {
                    fake.settleAchAfter(Duration.ofMillis(number(params, "ms", 5000)));
                    answer = "{\"ok\":true}";
                }
                case "POST /_fake/ach-return" -> {
                    fake.achReturn(text(params, "payment_intent"), text(params, "code"));
                    answer = "{\"ok\":true}";
                }
                case "POST /_fake/trigger" -> answer = "{\"event\":\"" + fake.trigger(text(params, "type"),
                        text(params, "id")) + "\"}";
                case "POST /_fake/webhook" -> {
                    fake.webhookEndpoint(URI.create(text(params, "url")), text(params, "secret"));
                    answer = "{\"ok\":true}";
                }
                case "POST /_fake/complete-setup" -> answer = "{\"payment_method\":\"" + fake.completeSetup(
                        text(params, "setup_intent"), text(params, "payment_method")) + "\"}";
                case "GET /_fake/state" -> answer = fake.json().writeValueAsString(fake.state());
                default -> {
                    status = 404;
                    answer = "{\"error\":\"unknown control " + method + " " + path + "\"}";
                }
            }
        } catch (RuntimeException failed) {
            status = 400;
            answer = fake.json().writeValueAsString(Map.of("error", String.valueOf(failed.getMessage())));
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int number(Map<String, Object> params, String name, int otherwise) {
        Object value = params.get(name);
        return value == null ? otherwise : Integer.parseInt(String.valueOf(value));
    }

    private static String text(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return String.valueOf(value);
    }
}
