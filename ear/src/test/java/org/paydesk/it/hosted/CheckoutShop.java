package org.paydesk.it.hosted;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestUsers;

/**
 * The shop around the hosted checkout, through the API: catalogue items (admin), buyers with their own logins and
 * customers, their carts, the sandbox tokenizer, orders, payments and the wallet setting.
 *
 * <p>Each test gets buyer logins of its own, added to the test server's file realm while it runs (WildFly re-reads
 * the realm's properties files when they change, as for {@code add-user.sh}) and linked to a new customer, so these
 * tests never depend on, or disturb, which customer the suite's {@code it-buyer} acts for.
 */
final class CheckoutShop {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URL deployment;
    private final URI root;
    private final Api admin;

    CheckoutShop(URL deployment) {
        this.deployment = deployment;
        try {
            this.root = deployment.toURI().resolve("/");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        this.admin = Api.as(deployment, "ADMIN");
    }

    /** A signed-in e-commerce buyer: login, password and the customer the login acts for. */
    record Buyer(String login, String password, long customerId) {
    }

    /** A new buyer login with a generated password, linked to a new USD customer. */
    Buyer newBuyer() {
        String login = Fixtures.unique("it-shopper");
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        addToRealm(login, password, "BUYER");
        long customer = new Fixtures(deployment).customer();
        Api.Reply linked = admin.post("/api/v1/customers/" + customer + "/buyers", "{\"login\": \"" + login + "\"}");
        if (linked.status() != 204) {
            throw new IllegalStateException("buyer not linked: " + linked);
        }
        return new Buyer(login, password, customer);
    }

    /** An item in the catalogue at this USD price; returns its SKU. */
    String item(String description, String price) {
        String sku = Fixtures.unique("SKU");
        Reply saved = send(ADMIN, "PUT", "/api/v1/items/" + sku, Json.createObjectBuilder()
                .add("description", description).add("unitPrice", price).add("currency", "USD").build().toString());
        if (saved.status() != 200 && saved.status() != 201) {
            throw new IllegalStateException("item not saved: " + saved);
        }
        return sku;
    }

    /** A new cart of the buyer's; returns its id. */
    long cart(Buyer buyer) {
        Reply opened = send(buyer, "POST", "/api/v1/carts", "{}");
        if (opened.status() != 201) {
            throw new IllegalStateException("cart not opened: " + opened);
        }
        return opened.json().getJsonNumber("id").longValue();
    }

    void setQuantity(Buyer buyer, long cartId, String sku, int quantity) {
        Reply line = send(buyer, "PUT", "/api/v1/carts/" + cartId + "/lines/" + sku, "{\"quantity\": " + quantity + "}");
        if (line.status() != 200) {
            throw new IllegalStateException("line not set: " + line);
        }
    }

    /** The cart as its buyer sees it through the API. */
    JsonObject cartOf(Buyer buyer, long cartId) {
        Reply cart = send(buyer, "GET", "/api/v1/carts/" + cartId, null);
        if (cart.status() != 200) {
            throw new IllegalStateException("cart not read: " + cart);
        }
        return cart.json();
    }

    /** A sandbox token for a test card, as the page's script gets it (the buyer's own sign-in). */
    String cardToken(Buyer buyer, String number) {
        Reply token = send(buyer, "POST", "/api/v1/sandbox/payment-methods", """
                {"type": "card", "card": {"number": "%s", "expMonth": 12, "expYear": 2034, "cvc": "123"}}
                """.formatted(number));
        if (token.status() != 201) {
            throw new IllegalStateException("card not tokenized: " + token);
        }
        return token.json().getString("token");
    }

    /** An order as staff see it ({@code GET /api/v1/orders/{id}} as admin). */
    JsonObject order(long orderId) {
        Api.Reply order = admin.get("/api/v1/orders/" + orderId);
        if (order.status() != 200) {
            throw new IllegalStateException("order not read: " + order);
        }
        return order.json();
    }

    JsonObject payment(long paymentId) {
        Api.Reply payment = admin.get("/api/v1/payments/" + paymentId);
        if (payment.status() != 200) {
            throw new IllegalStateException("payment not read: " + payment);
        }
        return payment.json();
    }

    /** How many charges the processor holds for the payment: a payment charged twice would have two. */
    int processorCharges(long paymentId) {
        Api.Reply charges = admin.get("/api/v1/payments/" + paymentId + "/processor-charges");
        if (charges.status() != 200) {
            throw new IllegalStateException("processor charges not read: " + charges);
        }
        return charges.jsonArray().size();
    }

    /** The wallets admin enabled, as the settings API writes them (e.g. {@code ["APPLE_PAY","GOOGLE_PAY"]}). */
    String wallets() {
        Api.Reply settings = admin.get("/api/v1/settings/checkout");
        if (settings.status() != 200) {
            throw new IllegalStateException("checkout settings not read: " + settings);
        }
        return settings.json().getJsonArray("wallets").toString();
    }

    /** @param walletsJson a JSON array such as {@code ["APPLE_PAY"]} or {@code []} */
    void setWallets(String walletsJson) {
        Reply changed = send(ADMIN, "PUT", "/api/v1/settings/checkout", "{\"wallets\": " + walletsJson + "}");
        if (changed.status() != 200 && changed.status() != 204) {
            throw new IllegalStateException("checkout settings not changed: " + changed);
        }
    }

    private static final Buyer ADMIN = null;

    /** A request signed in as the buyer, or as admin for {@code null}. */
    private Reply send(Buyer who, String method, String path, String json) {
        String user = who == null ? TestUsers.user("ADMIN") : who.login();
        String password = who == null ? TestUsers.password("ADMIN") : who.password();
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", basic(user, password))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A response of the API: status and body. */
    record Reply(int status, String body) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Adds a user with one role to the running test server's application realm (its properties files). */
    private static synchronized void addToRealm(String login, String password, String role) {
        String home = System.getProperty("jboss.home");
        if (home == null) {
            throw new IllegalStateException("jboss.home is not set: these tests run against the provisioned server");
        }
        Path configuration = Path.of(home, "standalone", "configuration");
        try {
            Files.writeString(configuration.resolve("application-users.properties"),
                    login + "=" + md5Hex(login + ":ApplicationRealm:" + password) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            Files.writeString(configuration.resolve("application-roles.properties"), login + "=" + role + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + login + " to the test server's realm", e);
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
}
