package org.paydesk.it.payment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestUsers;

/**
 * Payment history end to end in the sandbox: the list's filters and paging, the CSV export, fee and net from the
 * default schedule (card 2.9% + 0.25, ACH 1% with a 1.00 minimum), the timeline with its actors, and who may read it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentHistoryIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> CSV_COLUMNS = List.of("id", "createdAt", "customerId", "status", "method",
            "channel", "amount", "currency", "refunded", "fee", "net", "processorReference");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    /** One customer's four payments: a card, a declined card, an ACH debit, an order paid by card. */
    private record Story(long customer, long card, long declined, long ach, long order) {
    }

    private Story story(Fixtures given) {
        long customer = given.customer();
        given.invoices(customer, "2026-01-31:500.00");
        Api cashier = Api.as(deployment, "CASHIER");
        long card = pay(cashier, customer, "100.00", "card", given.cardToken("4242424242424242"), 201);
        long declined = pay(cashier, customer, "20.00", "card", given.cardToken("4000000000000002"), 402);
        long ach = pay(cashier, customer, "50.00", "ach", given.achToken("000123456789"), 201);
        assertEquals("SUCCEEDED", given.awaitSettled(ach));
        JsonObject order = given.order(customer, given.item("Hinges", "30.00") + ":1");
        Api.Reply paid = cashier.post("/api/v1/orders/" + order.getInt("id") + "/pay-and-confirm",
                "{\"paymentMethod\": {\"type\": \"card\", \"token\": \"" + given.cardToken("4242424242424242")
                        + "\"}}", Fixtures.key());
        assertEquals(201, paid.status(), paid::toString);
        return new Story(customer, card, declined, ach, paid.json().getJsonObject("payment").getInt("id"));
    }

    private static long pay(Api api, long customer, String amount, String type, String token, int expected) {
        Api.Reply reply = api.post("/api/v1/payments", """
                {"customerId": %d, "amount": {"amount": "%s", "currency": "USD"},
                 "paymentMethod": {"type": "%s", "token": "%s"}}
                """.formatted(customer, amount, type, token), Fixtures.key());
        assertEquals(expected, reply.status(), reply::toString);
        JsonObject payment = expected == 402 ? reply.json().getJsonObject("payment") : reply.json();
        return payment.getJsonNumber("id").longValue();
    }

    @Test
    void each_filter_narrows_the_list_newest_first_and_pages_cover_it_exactly() {
        Fixtures given = new Fixtures(deployment);
        Story story = story(given);
        long other = given.customer();
        given.invoices(other, "2026-01-31:10.00");
        long otherPayment = pay(Api.as(deployment, "CASHIER"), other, "10.00", "card",
                given.cardToken("4242424242424242"), 201);
        Api ar = Api.as(deployment, "ACCOUNTS_RECEIVABLE");
        String mine = "/api/v1/payments?customerId=" + story.customer();
        LocalDate day = LocalDate.ofInstant(Instant.parse(given.payment(story.card()).getString("createdAt")),
                ZoneOffset.UTC);

        JsonObject all = list(ar, mine);
        JsonObject first = list(ar, mine + "&size=3&page=0");
        JsonObject second = list(ar, mine + "&size=3&page=1");
        List<Long> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));

        assertAll(
                () -> assertEquals(List.of(story.order(), story.ach(), story.declined(), story.card()), ids(all)),
                () -> assertEquals(4, all.getJsonNumber("total").longValue()),
                () -> assertEquals(ids(all), paged, "pages of 3 cover the list once, in order"),
                () -> assertEquals(4, second.getJsonNumber("total").longValue()),
                () -> assertEquals(3, first.getInt("size")),
                () -> assertEquals(List.of(story.declined()), ids(list(ar, mine + "&status=failed"))),
                () -> assertEquals(List.of(story.ach()), ids(list(ar, mine + "&method=ach"))),
                () -> assertEquals(List.of(story.ach()), ids(list(ar, mine + "&method=ACH"))),
                () -> assertEquals(List.of(story.order(), story.declined(), story.card()),
                        ids(list(ar, mine + "&method=card"))),
                () -> assertEquals(List.of(story.order()), ids(list(ar, mine + "&channel=order_entry"))),
                () -> assertEquals(List.of(story.ach(), story.declined(), story.card()),
                        ids(list(ar, mine + "&channel=ACCOUNTS_RECEIVABLE"))),
                () -> assertEquals(ids(all), ids(list(ar, mine + "&from=" + day + "&to=" + day))),
                () -> assertEquals(List.of(), ids(list(ar, mine + "&to=" + day.minusDays(1)))),
                () -> assertEquals(List.of(), ids(list(ar, mine + "&from=" + day.plusDays(1)))),
                () -> assertEquals(List.of(otherPayment), ids(list(ar, "/api/v1/payments?customerId=" + other))),
                () -> assertEquals(List.of(), ids(list(ar, "/api/v1/payments?customerId=0"))),
                () -> assertTrue(ids(list(ar, "/api/v1/payments?size=100")).contains(otherPayment)));
    }

    @Test
    void the_csv_export_has_the_same_rows_and_values_as_the_list() {
        Fixtures given = new Fixtures(deployment);
        Story story = story(given);
        Api admin = Api.as(deployment, "ADMIN");

        JsonArray items = list(admin, "/api/v1/payments?customerId=" + story.customer()).getJsonArray("items");
        HttpResponse<String> export = csv("ADMIN", "/api/v1/payments/export.csv?customerId=" + story.customer());
        HttpResponse<String> filtered = csv("CASHIER", "/api/v1/payments/export.csv?customerId=" + story.customer()
                + "&method=ach");

        assertEquals(200, export.statusCode(), export::body);
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(export.body().endsWith("\r\n"), "every line ends with CRLF");
        List<List<String>> rows = parse(export.body());
        assertEquals(CSV_COLUMNS, rows.get(0));
        assertEquals(items.size(), rows.size() - 1);
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            List<String> expected = List.of(Long.toString(item.getJsonNumber("id").longValue()),
                    item.getString("createdAt"), Long.toString(item.getJsonNumber("customerId").longValue()),
                    item.getString("status"), item.getString("method"), item.getString("channel"),
                    item.getJsonObject("amount").getString("amount"),
                    item.getJsonObject("amount").getString("currency"),
                    item.getJsonObject("refunded").getString("amount"), item.getJsonObject("fee").getString("amount"),
                    item.getJsonObject("net").getString("amount"), text(item, "processorReference"));
            assertEquals(expected, rows.get(i + 1), "row " + (i + 1));
        }
        assertTrue(!export.body().contains("pm_") && !export.body().contains("tok_"), "no method tokens");
        assertEquals(200, filtered.statusCode(), filtered::body);
        List<List<String>> achRows = parse(filtered.body());
        assertEquals(2, achRows.size());
        assertEquals(Long.toString(story.ach()), achRows.get(1).get(0));
    }

    @Test
    void fee_and_net_follow_the_default_schedule_for_card_and_ach_including_the_ach_minimum() {
        Fixtures given = new Fixtures(deployment);
        Story story = story(given);
        long bigAch = pay(Api.as(deployment, "CASHIER"), story.customer(), "250.00", "ach",
                given.achToken("000123456789"), 201);
        assertEquals("SUCCEEDED", given.awaitSettled(bigAch));

        assertAll(
                () -> assertFeeAndNet(given.payment(story.card()), "3.15", "96.85"),
                () -> assertFeeAndNet(given.payment(story.order()), "1.12", "28.88"),
                () -> assertFeeAndNet(given.payment(story.ach()), "1.00", "49.00"),
                () -> assertFeeAndNet(given.payment(bigAch), "2.50", "247.50"),
                () -> assertFeeAndNet(given.payment(story.declined()), "0.00", "20.00"),
                () -> {
                    JsonObject listed = list(Api.as(deployment, "CASHIER"), "/api/v1/payments?customerId="
                            + story.customer() + "&method=ach&size=1").getJsonArray("items").getJsonObject(0);
                    assertEquals(bigAch, listed.getJsonNumber("id").longValue());
                    assertFeeAndNet(listed, "2.50", "247.50");
                });
    }

    @Test
    void the_timeline_shows_who_submitted_what_succeeded_and_who_refunded_with_the_refunds_and_fee() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        given.invoices(customer, "2026-01-31:100.00");
        long payment = pay(Api.as(deployment, "CASHIER"), customer, "100.00", "card",
                given.cardToken("4242424242424242"), 201);
        Api.Reply refund = Api.as(deployment, "ACCOUNTS_RECEIVABLE").post("/api/v1/payments/" + payment + "/refunds",
                "{\"amount\": {\"amount\": \"30.00\", \"currency\": \"USD\"}, \"reason\": \"damaged\"}",
                Fixtures.key());
        assertEquals(201, refund.status(), refund::toString);

        JsonObject detail = Api.as(deployment, "CASHIER").get("/api/v1/payments/" + payment).json();
        JsonArray timeline = detail.getJsonArray("timeline");
        List<String> actions = timeline.stream().map(v -> v.asJsonObject().getString("action")).toList();

        assertAll(
                () -> assertEquals(List.of("payment.submitted", "payment.succeeded", "refund.requested"),
                        actions.subList(0, 3), actions::toString),
                () -> assertTrue(actions.subList(3, actions.size()).stream().allMatch(a -> a.startsWith("refund.")
                        || a.startsWith("processor_event.")), actions::toString),
                () -> assertEquals(TestUsers.user("CASHIER"), timeline.getJsonObject(0).getString("actor")),
                () -> assertEquals(TestUsers.user("ACCOUNTS_RECEIVABLE"), timeline.getJsonObject(2).getString("actor")),
                () -> assertTrue(timeline.getJsonObject(0).getString("at")
                        .compareTo(timeline.getJsonObject(2).getString("at")) <= 0, "oldest first"),
                () -> assertEquals("PARTIALLY_REFUNDED", detail.getString("status")),
                () -> assertEquals(1, detail.getJsonArray("refunds").size()),
                () -> assertEquals("30.00", detail.getJsonArray("refunds").getJsonObject(0).getJsonObject("amount")
                        .getString("amount")),
                () -> assertEquals("30.00", detail.getJsonObject("refunded").getString("amount")),
                () -> assertFeeAndNet(detail, "3.15", "96.85"),
                () -> assertEquals(1, detail.getJsonArray("allocations").size(), "the existing fields stay"),
                () -> assertEquals("card", detail.getJsonObject("paymentMethod").getString("type")));
    }

    @Test
    void only_admin_accounts_receivable_and_cashier_may_read_the_history() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        given.invoices(customer, "2026-01-31:10.00");
        long payment = pay(Api.as(deployment, "CASHIER"), customer, "10.00", "card",
                given.cardToken("4242424242424242"), 201);
        String list = "/api/v1/payments?customerId=" + customer;
        String export = "/api/v1/payments/export.csv?customerId=" + customer;
        String detail = "/api/v1/payments/" + payment;

        for (String role : List.of("ADMIN", "ACCOUNTS_RECEIVABLE", "CASHIER")) {
            assertEquals(200, Api.as(deployment, role).get(list).status(), role);
            assertEquals(200, Api.as(deployment, role).get(detail).status(), role);
            assertEquals(200, csv(role, export).statusCode(), role);
        }
        for (String role : List.of("ACCOUNTS_PAYABLE", "CREDIT_MANAGER", "SALES", "SALES_ALLOCATIONS",
                "SALES_MANAGER", "BUYER", "INTEGRATION")) {
            assertEquals(403, Api.as(deployment, role).get(list).status(), role);
            assertEquals(403, Api.as(deployment, role).get(detail).status(), role);
            assertEquals(403, csv(role, export).statusCode(), role);
        }
        assertEquals(401, Api.anonymous(deployment).get(list).status());
    }

    @Test
    void bad_filters_are_refused_as_problems_naming_the_field_and_change_nothing() {
        Fixtures given = new Fixtures(deployment);
        long customer = given.customer();
        given.invoices(customer, "2026-01-31:10.00");
        long payment = pay(Api.as(deployment, "CASHIER"), customer, "10.00", "card",
                given.cardToken("4242424242424242"), 201);
        Api cashier = Api.as(deployment, "CASHIER");
        String before = cashier.get("/api/v1/payments/" + payment).body();

        assertAll(
                () -> assertBad(cashier.get("/api/v1/payments?status=LOST"), "status", "invalid_request"),
                () -> assertBad(cashier.get("/api/v1/payments?method=cash"), "method", "invalid_payment_method_type"),
                () -> assertBad(cashier.get("/api/v1/payments?channel=fax"), "channel", "invalid_request"),
                () -> assertBad(cashier.get("/api/v1/payments?from=2026-13-01"), "from", "invalid_date"),
                () -> assertBad(cashier.get("/api/v1/payments?to=yesterday"), "to", "invalid_date"),
                () -> assertBad(cashier.get("/api/v1/payments?customerId=abc"), "customerId", "invalid_request"),
                () -> assertBad(cashier.get("/api/v1/payments?size=101"), "size", "invalid_page_size"),
                () -> assertBad(cashier.get("/api/v1/payments?page=-1"), "page", "invalid_page"),
                () -> {
                    Api.Reply many = cashier.get("/api/v1/payments?status=LOST&method=cash&size=x");
                    assertEquals(400, many.status(), many::toString);
                    assertEquals("invalid_request", many.json().getString("code"));
                    assertEquals(3, many.json().getJsonArray("errors").size(), many::toString);
                },
                () -> {
                    Api.Reply reversed = cashier.get("/api/v1/payments?from=2026-02-02&to=2026-02-01");
                    assertEquals("to", reversed.problemField(), reversed::toString);
                    assertEquals("invalid_date_range", reversed.json().getString("code"));
                },
                () -> {
                    HttpResponse<String> export = csv("CASHIER", "/api/v1/payments/export.csv?method=cheque");
                    assertEquals(400, export.statusCode(), export::body);
                    assertTrue(export.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/problem+json"), export::body);
                },
                () -> assertEquals(before, cashier.get("/api/v1/payments/" + payment).body(), "nothing changed"),
                () -> assertEquals(1, list(cashier, "/api/v1/payments?customerId=" + customer)
                        .getJsonNumber("total").longValue()));
    }

    private static void assertBad(Api.Reply reply, String field, String code) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        assertEquals(field, reply.problemField(), reply::toString);
        assertEquals(code, reply.json().getString("code"), reply::toString);
    }

    private static void assertFeeAndNet(JsonObject payment, String fee, String net) {
        assertEquals(fee, payment.getJsonObject("fee").getString("amount"), payment::toString);
        assertEquals(net, payment.getJsonObject("net").getString("amount"), payment::toString);
        assertEquals("USD", payment.getJsonObject("fee").getString("currency"));
    }

    private static JsonObject list(Api api, String path) {
        Api.Reply reply = api.get(path);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private static String text(JsonObject json, String name) {
        return !json.containsKey(name) || json.get(name).getValueType() == JsonValue.ValueType.NULL ? ""
                : json.getString(name);
    }

    private HttpResponse<String> csv(String role, String path) {
        String credentials = TestUsers.user(role) + ":" + TestUsers.password(role);
        try {
            URI uri = deployment.toURI().resolve(path);
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Accept", "text/csv")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
