package org.paydesk.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Creates customers, invoices and tokens through the API, each with unique numbers so tests never collide. */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final URL deployment;
    private final Api admin;
    private final Api erp;

    public Fixtures(URL deployment) {
        this.deployment = deployment;
        this.admin = Api.as(deployment, "ADMIN");
        this.erp = Api.as(deployment, "INTEGRATION");
    }

    /** An e-commerce buyer login of its own, acting for a new USD customer of its own. */
    public record Buyer(long customerId, String login, Api api) {
    }

    /** A catalogue item at this USD price (e.g. "12.50"); returns its SKU. */
    public String item(String description, String unitPrice) {
        String sku = unique("SKU");
        Api.Reply reply = admin.put("/api/v1/items/" + sku, """
                {"description": "%s", "unitPrice": "%s", "currency": "USD"}
                """.formatted(description, unitPrice));
        if (reply.status() != 200) {
            throw new IllegalStateException("item not saved: " + reply);
        }
        return sku;
    }

    /** An open order placed by sales staff, at catalogue prices; {@code skuAndQuantity} as "SKU:3". */
    public JsonObject order(long customerId, String... skuAndQuantity) {
        StringBuilder lines = new StringBuilder();
        for (String spec : skuAndQuantity) {
            String[] parts = spec.split(":");
            if (lines.length() > 0) {
                lines.append(',');
            }
            lines.append("{\"sku\": \"").append(parts[0]).append("\", \"quantity\": ").append(parts[1]).append('}');
        }
        Api.Reply reply = Api.as(deployment, "SALES").post("/api/v1/orders",
                "{\"customerId\": " + customerId + ", \"lines\": [" + lines + "]}", key());
        if (reply.status() != 201) {
            throw new IllegalStateException("order not placed: " + reply);
        }
        return reply.json();
    }

    /** Sets the customer's preferences (all three, as the endpoint requires). */
    public JsonObject preferences(long customerId, boolean requirePayment, boolean links, boolean receipts) {
        Api.Reply reply = Api.as(deployment, "CREDIT_MANAGER").put("/api/v1/customers/" + customerId + "/preferences",
                """
                {"requirePaymentOnConfirmation": %s, "paymentLinksEnabled": %s, "receiptsEnabled": %s}
                """.formatted(requirePayment, links, receipts));
        if (reply.status() != 200) {
            throw new IllegalStateException("preferences not changed: " + reply);
        }
        return reply.json();
    }

    public JsonObject orderOf(long orderId) {
        return admin.get("/api/v1/orders/" + orderId).json();
    }

    public JsonObject payment(long paymentId) {
        return admin.get("/api/v1/payments/" + paymentId).json();
    }

    /** The charges the processor holds for a payment. */
    public JsonArray charges(long paymentId) {
        return admin.get("/api/v1/payments/" + paymentId + "/processor-charges").jsonArray();
    }

    /** How many open invoices the customer has. */
    public long openInvoiceCount(long customerId) {
        return admin.get("/api/v1/receivables?customerId=" + customerId).json().getJsonNumber("total").longValue();
    }

    /** Waits (up to 30 s) until the payment is no longer PROCESSING; returns its status. */
    public String awaitSettled(long paymentId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status;
        do {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = payment(paymentId).getString("status");
        } while ("PROCESSING".equals(status) && Instant.now().isBefore(deadline));
        return status;
    }

    /**
     * A new buyer login with a password generated now, added to the test server's file realm (which reloads a
     * changed file on its next use) and linked to a new customer. The shared {@code it-buyer} login can act for one
     * customer only in a run; tests that need a buyer of their own, or two buyers, use this.
     */
    public Buyer buyer() {
        long customer = customer();
        String login = unique("it-shopper").toLowerCase(Locale.ROOT);
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        addRealmUser(login, password, "BUYER");
        Api buyer = Api.withCredentials(deployment, login, password);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (buyer.get("/api/v1/buyer/customer").status() == 401) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the realm never learnt the new buyer " + login);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Api.Reply linked = admin.post("/api/v1/customers/" + customer + "/buyers", "{\"login\": \"" + login + "\"}");
        if (linked.status() != 204) {
            throw new IllegalStateException("buyer not linked: " + linked);
        }
        return new Buyer(customer, login, buyer);
    }

    private static synchronized void addRealmUser(String login, String password, String role) {
        Path configuration = Path.of(System.getProperty("jboss.home"), "standalone", "configuration");
        Path users = configuration.resolve("application-users.properties");
        Path roles = configuration.resolve("application-roles.properties");
        try {
            Files.writeString(users, login + "=" + md5Hex(login + ":ApplicationRealm:" + password) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(roles, login + "=" + role + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // A timestamp past the realm's last load, whatever the file system's resolution.
            long later = System.currentTimeMillis() + 1500;
            users.toFile().setLastModified(later);
            roles.toFile().setLastModified(later);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add a test buyer to " + configuration, e);
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
