package org.paydesk.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Creates customers, invoices and tokens through the API, each with unique numbers so tests never collide. */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final Api admin;
    private final Api erp;

    public Fixtures(URL deployment) {
        this.admin = Api.as(deployment, "ADMIN");
        this.erp = Api.as(deployment, "INTEGRATION");
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A USD customer; returns its id. */
    public long customer() {
        Api.Reply reply = admin.post("/api/v1/customers", """
                {"number": "%s", "name": "Acme Hardware", "email": "ap@acme.example", "currency": "USD"}
                """.formatted(unique("C")));
        if (reply.status() != 201) {
            throw new IllegalStateException("customer not created: " + reply);
        }
        return reply.json().getJsonNumber("id").longValue();
    }

    /** Imports invoices given as {@code "dueDate:amount"} (issue date a month before due); returns their ids. */
    public long[] invoices(long customerId, String... dueAndAmount) {
        StringBuilder lines = new StringBuilder();
        for (String spec : dueAndAmount) {
            String[] parts = spec.split(":");
            String due = parts[0];
            String issue = java.time.LocalDate.parse(due).minusDays(30).toString();
            if (lines.length() > 0) {
                lines.append(',');
            }
            lines.append("""
                    {"number": "%s", "issueDate": "%s", "dueDate": "%s", "amount": {"amount": "%s", "currency": "USD"}}
                    """.formatted(unique("INV"), issue, due, parts[1]));
        }
        Api.Reply reply = erp.post("/api/v1/receivables",
                "{\"customerId\": " + customerId + ", \"receivables\": [" + lines + "]}");
        if (reply.status() != 201) {
            throw new IllegalStateException("invoices not imported: " + reply);
        }
        JsonArray created = reply.jsonArray();
        long[] ids = new long[created.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = created.getJsonObject(i).getJsonNumber("id").longValue();
        }
        return ids;
    }

    /** A sandbox token for a test card number. */
    public String cardToken(String number) {
        Api.Reply reply = admin.post("/api/v1/sandbox/payment-methods", """
                {"type": "card", "card": {"number": "%s", "expMonth": 12, "expYear": 2034, "cvc": "123"}}
                """.formatted(number));
        if (reply.status() != 201) {
            throw new IllegalStateException("card not tokenized: " + reply);
        }
        return reply.json().getString("token");
    }

    /** A sandbox token for a test bank account (routing 110000000). */
    public String achToken(String accountNumber) {
        Api.Reply reply = admin.post("/api/v1/sandbox/payment-methods", """
                {"type": "ach", "bankAccount": {"routingNumber": "110000000", "accountNumber": "%s", "holderName": "Acme"}}
                """.formatted(accountNumber));
        if (reply.status() != 201) {
            throw new IllegalStateException("account not tokenized: " + reply);
        }
        return reply.json().getString("token");
    }

    public JsonObject invoice(long id) {
        return admin.get("/api/v1/receivables/" + id).json();
    }

    public String openBalance(long invoiceId) {
        return invoice(invoiceId).getJsonObject("openBalance").getString("amount");
    }

    public String credit(long customerId) {
        return admin.get("/api/v1/customers/" + customerId).json().getJsonObject("creditBalance").getString("amount");
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
