package org.paydesk.it.hosted;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;

/** Staff's side of "request payment method" links, through the API, and the link each one mails. */
public final class PaymentMethodLinks {

    static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);

    private final Api admin;
    private final Api cashier;

    public PaymentMethodLinks(URL deployment) {
        this.admin = Api.as(deployment, "ADMIN");
        this.cashier = Api.as(deployment, "CASHIER");
    }

    /** A request that was sent, and the link its mail carries. */
    public record SentLink(long customerId, long requestId, String email, String link, MimeMessage mail) {
    }

    /** A USD customer with this name; returns its id. */
    public long customerNamed(String name) {
        Api.Reply reply = admin.post("/api/v1/customers", """
                {"number": "%s", "name": "%s", "email": "ap@customer.example", "currency": "USD"}
                """.formatted(Fixtures.unique("C"), name));
        if (reply.status() != 201) {
            throw new IllegalStateException("customer not created: " + reply);
        }
        return reply.json().getJsonNumber("id").longValue();
    }

    /** A cashier asks the customer for a payment method; waits for the mail and reads its link. */
    public SentLink request(long customerId, String email) {
        Api.Reply reply = cashier.post("/api/v1/customers/" + customerId + "/payment-method-requests",
                "{\"email\": \"" + email + "\"}", Fixtures.key());
        if (reply.status() != 201) {
            throw new IllegalStateException("payment method request not created: " + reply);
        }
        MimeMessage mail = TestMail.awaitMessageTo(email, MAIL_TIMEOUT);
        return new SentLink(customerId, reply.json().getJsonNumber("id").longValue(), email, TestMail.linkIn(mail),
                mail);
    }

    /** The request's status as staff see it in the list. */
    String status(SentLink sent) {
        Api.Reply reply = cashier.get("/api/v1/customers/" + sent.customerId() + "/payment-method-requests");
        if (reply.status() != 200) {
            throw new IllegalStateException("requests not listed: " + reply);
        }
        for (JsonValue item : items(reply)) {
            JsonObject request = item.asJsonObject();
            if (request.getJsonNumber("id").longValue() == sent.requestId()) {
                return request.getString("status");
            }
        }
        throw new AssertionError("request " + sent.requestId() + " is not listed: " + reply);
    }

    Api.Reply revoke(SentLink sent) {
        return cashier.post("/api/v1/customers/" + sent.customerId() + "/payment-method-requests/"
                + sent.requestId() + "/revoke", "{}", Fixtures.key());
    }

    /** The customer's saved methods. */
    public JsonArray methods(long customerId) {
        Api.Reply reply = cashier.get("/api/v1/customers/" + customerId + "/payment-methods");
        if (reply.status() != 200) {
            throw new IllegalStateException("methods not listed: " + reply);
        }
        return items(reply);
    }

    void advanceClock(long seconds) {
        Api.Reply reply = admin.post("/api/v1/testing/clock/advance", "{\"seconds\": " + seconds + "}");
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("clock not advanced: " + reply);
        }
    }

    void resetClock() {
        Api.Reply reply = admin.post("/api/v1/testing/clock/reset", "{}");
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("clock not reset: " + reply);
        }
    }

    /** A list answer, bare or paged ({@code {"items": [...]}}). */
    private static JsonArray items(Api.Reply reply) {
        String body = reply.body().strip();
        if (body.startsWith("[")) {
            return reply.jsonArray();
        }
        JsonObject page = reply.json();
        for (String key : new String[] {"items", "data", "content"}) {
            if (page.containsKey(key)) {
                return page.getJsonArray(key);
            }
        }
        throw new AssertionError("not a list: " + reply);
    }
}
