package org.paydesk.stripefake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's state and Stripe's rules for the resources Paydesk uses: Customers, PaymentMethods (create, retrieve,
 * attach, detach), PaymentIntents (create and confirm in one call, retrieve, list, search), SetupIntents (create,
 * confirm), Charges, Refunds, and Events. Every answer starts from Stripe's fixture of the resource, adjusted to the
 * request, with the ids named by {@code expand[]} replaced by their objects. Safe for concurrent callers: every method
 * holds the object's lock.
 */
final class StripeApi {

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ID_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern CLAUSE = Pattern.compile("\\s*(?:metadata\\['([^']+)'\\]|(\\w+)):'([^']*)'\\s*");

    private final Fixtures fixtures;
    private final SecureRandom random = new SecureRandom();
    private final Consumer<ObjectNode> events;

    private final Map<String, ObjectNode> customers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> paymentMethods = new LinkedHashMap<>();
    private final Map<String, TestInstruments.Instrument> instrumentOf = new LinkedHashMap<>();
    private final Map<String, ObjectNode> paymentIntents = new LinkedHashMap<>();
    private final Map<String, TestInstruments.Instrument> intentInstrument = new LinkedHashMap<>();
    private final Map<String, ObjectNode> setupIntents = new LinkedHashMap<>();
    private final Map<String, ObjectNode> charges = new LinkedHashMap<>();
    private final Map<String, ObjectNode> refunds = new LinkedHashMap<>();
    private final List<ObjectNode> eventLog = new ArrayList<>();
    private long clock;

    StripeApi(ObjectMapper json, Consumer<ObjectNode> events) {
        this.fixtures = Fixtures.bundled(json);
        this.events = Objects.requireNonNull(events, "events");
    }

    // ------------------------------------------------------------------------------------------------ routing

    synchronized Answer handle(String method, String template, String path, Map<String, Object> params,
            String idempotencyKey) {
        Answer answer = route(method, template, path, params, idempotencyKey);
        List<String> expand = strings(params, "expand");
        if (expand.isEmpty() || answer.status() >= 300) {
            return answer;
        }
        // A copy: the answer is written after the lock is released, and an expansion must not change what is held.
        ObjectNode expanded = answer.body().deepCopy();
        for (String property : expand) {
            expand(expanded, property.split("\\."), 0, property);
        }
        return new Answer(answer.status(), expanded);
    }

    private Answer route(String method, String template, String path, Map<String, Object> params,
            String idempotencyKey) {
        String[] parts = path.split("/");
        String id = parts.length > 3 ? parts[3] : null;
        switch (method + " " + template) {
            case "POST /v1/customers":
                return ok(createCustomer(params));
            case "GET /v1/customers/search":
                return ok(search(customers, params, "/v1/customers/search"));
            case "GET /v1/customers/{customer}":
                return ok(find(customers, id, "customer", null));
            case "POST /v1/payment_methods":
                return ok(createPaymentMethod(params));
            case "GET /v1/payment_methods/{payment_method}":
                return ok(readPaymentMethod(id));
            case "POST /v1/payment_methods/{payment_method}/attach":
                return ok(attach(id, params));
            case "POST /v1/payment_methods/{payment_method}/detach":
                return ok(detach(id));
            case "POST /v1/payment_intents":
                return createPaymentIntent(params, idempotencyKey);
            case "GET /v1/payment_intents":
                return ok(list(paymentIntents, "/v1/payment_intents"));
            case "GET /v1/payment_intents/search":
                return ok(search(paymentIntents, params, "/v1/payment_intents/search"));
            case "GET /v1/payment_intents/{intent}":
                return ok(find(paymentIntents, id, "payment_intent", null));
            case "POST /v1/setup_intents":
                return ok(createSetupIntent(params));
            case "GET /v1/setup_intents/{intent}":
                return ok(find(setupIntents, id, "setup_intent", null));
            case "POST /v1/setup_intents/{intent}/confirm":
                return ok(confirmSetup(id, string(params, "payment_method")));
            case "GET /v1/charges/{charge}":
                return ok(find(charges, id, "charge", null));
            case "POST /v1/refunds":
                return ok(createRefund(params, idempotencyKey));
            case "GET /v1/refunds/{refund}":
                return ok(find(refunds, id, "refund", null));
            case "GET /v1/events":
                return ok(listEvents());
            case "GET /v1/events/{id}":
                return ok(eventLog.stream().filter(e -> e.path("id").asText().equals(id)).findFirst()
                        .orElseThrow(() -> ApiError.missing("event", id, "id")));
            default:
                throw new ApiError(501, "api_error", "fake_not_implemented",
                        "The Stripe fake does not implement " + method + " " + template + " (it is a valid Stripe "
                                + "request).", null);
        }
    }

    // ------------------------------------------------------------------------------------------- expansion

    /**
     * Stripe's {@code expand[]}: the id at the dotted path becomes the object it names, on a single object or, through
     * {@code data}, on each object of a list or search result ({@code data.latest_charge}); ids on the way are expanded
     * too ({@code latest_charge.payment_method}). A null stays null; a property that holds no id of an object the fake
     * keeps is refused as Stripe refuses it.
     */
    private void expand(JsonNode node, String[] path, int at, String property) {
        if (node instanceof ArrayNode array) {
            array.forEach(element -> expand(element, path, at, property));
            return;
        }
        if (!(node instanceof ObjectNode object) || !object.has(path[at])) {
            throw notExpandable(property);
        }
        JsonNode value = object.get(path[at]);
        if (value.isTextual()) {
            ObjectNode found = byId(value.asText()).orElseThrow(() -> notExpandable(property)).deepCopy();
            found.remove("detached");
            object.set(path[at], found);
            value = found;
        } else if (!value.isNull() && !value.isContainerNode()) {
            throw notExpandable(property);
        }
        if (at + 1 < path.length && !value.isNull()) {
            expand(value, path, at + 1, property);
        }
    }

    private Optional<ObjectNode> byId(String id) {
        if (id.startsWith("pm_")) {
            try {
                return Optional.of(readPaymentMethod(id)); // a stored method or one of Stripe's test ids
            } catch (ApiError missing) {
                return Optional.empty();
            }
        }
        Map<String, ObjectNode> objects = id.startsWith("ch_") ? charges : id.startsWith("pi_") ? paymentIntents
                : id.startsWith("cus_") ? customers : id.startsWith("re_") ? refunds
                : id.startsWith("seti_") ? setupIntents : Map.of();
        return Optional.ofNullable(objects.get(id));
    }

    private static ApiError notExpandable(String property) {
        return ApiError.invalid(null, "This property cannot be expanded (" + property + ").", "expand");
    }

    // -------------------------------------------------------------------------------------------- customers

    private ObjectNode createCustomer(Map<String, Object> params) {
        ObjectNode customer = fixtures.of("customer");
        String id = newId("cus");
        customer.put("id", id);
        customer.put("created", now());
        customer.putNull("discount");
        customer.put("description", string(params, "description"));
        customer.put("email", string(params, "email"));
        customer.put("name", string(params, "name"));
        customer.set("metadata", metadata(params));
        customers.put(id, customer);
        emit("customer.created", customer, null);
        return customer;
    }

    // -------------------------------------------------------------------------------------- payment methods

    private ObjectNode createPaymentMethod(Map<String, Object> params) {
        String type = string(params, "type");
        ObjectNode method;
        TestInstruments.Instrument instrument;
        if ("card".equals(type)) {
            Map<String, Object> card = map(params, "card");
            String token = string(card, "token");
            if (token != null) {
                String suffix = token.startsWith("tok_") ? token.substring(4) : token;
                instrument = TestInstruments.byId("pm_card_" + suffix).map(TestInstruments.Known::instrument)
                        .orElseThrow(() -> ApiError.invalid("resource_missing", "No such token: '" + token + "'",
                                "card[token]"));
                method = cardMethod(instrument, null, 12, year() + 5);
            } else {
                String number = string(card, "number");
                if (number == null) {
                    throw ApiError.invalid("parameter_missing", "Missing required param: card[number].",
                            "card[number]");
                }
                String digits = number.replaceAll("[ -]", "");
                instrument = TestInstruments.byCardNumber(digits).orElseThrow(() -> cardError("card_declined",
                        "test_mode_live_card", "Your card was declined. Your request was in test mode, but used a "
                                + "non test (live) card.", null));
                int month = (int) integer(card, "exp_month", "card[exp_month]");
                int year = (int) integer(card, "exp_year", "card[exp_year]");
                if (year < 100) {
                    year += 2000;
                }
                if (month < 1 || month > 12) {
                    throw cardError("invalid_expiry_month", null, "Your card's expiration month is invalid.", null);
                }
                if (year < year() || year == year() && month < Instant.ofEpochSecond(now())
                        .atZone(ZoneOffset.UTC).getMonthValue()) {
                    throw cardError("invalid_expiry_year", null, "Your card's expiration year is invalid.", null);
                }
                method = cardMethod(instrument, null, month, year);
            }
        } else if ("us_bank_account".equals(type)) {
            Map<String, Object> account = map(params, "us_bank_account");
            String routing = string(account, "routing_number");
            String number = string(account, "account_number");
            Map<String, Object> billing = map(params, "billing_details");
            if (string(billing, "name") == null) {
                throw ApiError.invalid("parameter_missing", "Missing required param: billing_details[name].",
                        "billing_details[name]");
            }
            if (!TestInstruments.ROUTING_NUMBER.equals(routing)) {
                throw ApiError.invalid("routing_number_invalid", "Routing number must have 9 digits and be a test "
                        + "routing number in test mode.", "us_bank_account[routing_number]");
            }
            instrument = TestInstruments.byAccountNumber(number == null ? "" : number).orElseThrow(() ->
                    ApiError.invalid("account_number_invalid", "The account number is not a test account number.",
                            "us_bank_account[account_number]"));
            method = bankMethod(instrument, string(account, "account_holder_type"));
            ObjectNode billingDetails = (ObjectNode) method.path("billing_details");
            billingDetails.put("name", string(billing, "name"));
        } else {
            throw ApiError.invalid("parameter_invalid", "The fake creates card and us_bank_account PaymentMethods "
                    + "only.", "type");
        }
        method.set("metadata", metadata(params));
        paymentMethods.put(method.path("id").asText(), method);
        instrumentOf.put(method.path("id").asText(), instrument);
        return method;
    }

    private ObjectNode readPaymentMethod(String id) {
        ObjectNode stored = paymentMethods.get(id);
        if (stored != null) {
            return stored;
        }
        TestInstruments.Known known = TestInstruments.byId(id)
                .orElseThrow(() -> ApiError.missing("PaymentMethod", id, "payment_method"));
        ObjectNode method = methodFor(known);
        method.put("id", id);
        return method;
    }

    private ObjectNode attach(String id, Map<String, Object> params) {
        String customer = string(params, "customer");
        find(customers, customer, "customer", "customer");
        ObjectNode method = paymentMethods.get(id);
        TestInstruments.Instrument instrument;
        if (method == null) {
            TestInstruments.Known known = TestInstruments.byId(id)
                    .orElseThrow(() -> ApiError.missing("PaymentMethod", id, "payment_method"));
            instrument = known.instrument();
            refuseAtAttach(instrument);
            // At Stripe, attaching a shared test id attaches a fresh PaymentMethod made from it.
            method = methodFor(known);
            paymentMethods.put(method.path("id").asText(), method);
            instrumentOf.put(method.path("id").asText(), instrument);
        } else {
            instrument = instrumentOf.get(id);
            String owner = method.path("customer").isNull() ? null : method.path("customer").asText();
            if (owner != null) {
                if (owner.equals(customer)) {
                    return method;
                }
                throw ApiError.invalid(null, "The payment method you provided has already been attached to a "
                        + "customer.", "payment_method");
            }
            if (method.has("detached")) {
                throw ApiError.invalid(null, "This PaymentMethod was previously used without being attached to a "
                        + "Customer or was detached from a Customer, and may not be used again.", "payment_method");
            }
            refuseAtAttach(instrument);
        }
        method.put("customer", customer);
        emit("payment_method.attached", method, null);
        return method;
    }

    private ObjectNode detach(String id) {
        ObjectNode method = paymentMethods.get(id);
        if (method == null && TestInstruments.byId(id).isEmpty()) {
            throw ApiError.missing("PaymentMethod", id, "payment_method");
        }
        if (method == null || method.path("customer").isNull()) {
            throw ApiError.invalid(null, "The payment method you provided is not attached to a customer so "
                    + "detachment is impossible.", null);
        }
        method.putNull("customer");
        method.put("detached", true);
        ObjectNode answer = method.deepCopy();
        answer.remove("detached");
        emit("payment_method.detached", answer, null);
        return answer;
    }

    private void refuseAtAttach(TestInstruments.Instrument instrument) {
        if (instrument.attachDeclines()) {
            throw cardError(instrument.code(), instrument.declineCode(), instrument.message(), null);
        }
    }

    private ObjectNode methodFor(TestInstruments.Known known) {
        TestInstruments.Instrument instrument = known.instrument();
        return "card".equals(instrument.kind()) ? cardMethod(instrument, known.wallet(), 12, year() + 5)
                : bankMethod(instrument, "individual");
    }

    private ObjectNode cardMethod(TestInstruments.Instrument instrument, String wallet, int month, int year) {
        ObjectNode method = fixtures.of("payment_method");
        method.put("id", newId("pm"));
        method.put("created", now());
        method.put("type", "card");
        method.putNull("customer");
        method.set("metadata", NODES.objectNode());
        ObjectNode card = (ObjectNode) method.get("card");
        card.put("brand", instrument.brand());
        card.put("display_brand", instrument.brand());
        card.put("last4", instrument.last4());
        card.put("exp_month", month);
        card.put("exp_year", year);
        card.put("fingerprint", "fake" + instrument.last4() + instrument.brand());
        card.putNull("generated_from");
        if (wallet == null) {
            card.putNull("wallet");
        } else {
            ObjectNode walletNode = card.putObject("wallet");
            walletNode.put("type", wallet);
            walletNode.put("dynamic_last4", instrument.last4());
            walletNode.putObject(wallet);
        }
        return method;
    }

    private ObjectNode bankMethod(TestInstruments.Instrument instrument, String holderType) {
        ObjectNode method = fixtures.of("payment_method");
        method.put("id", newId("pm"));
        method.put("created", now());
        method.put("type", "us_bank_account");
        method.putNull("customer");
        method.remove("card");
        method.set("metadata", NODES.objectNode());
        ObjectNode account = method.putObject("us_bank_account");
        account.put("account_holder_type", holderType == null ? "individual" : holderType);
        account.put("account_type", "checking");
        account.put("bank_name", TestInstruments.BANK_NAME);
        account.putNull("financial_connections_account");
        account.put("fingerprint", "fakebank" + instrument.last4());
        account.put("last4", instrument.last4());
        account.put("routing_number", TestInstruments.ROUTING_NUMBER);
        ObjectNode networks = account.putObject("networks");
        networks.put("preferred", "ach");
        networks.putArray("supported").add("ach");
        return method;
    }

    // ------------------------------------------------------------------------------------- payment intents

    private Answer createPaymentIntent(Map<String, Object> params, String idempotencyKey) {
        long amount = integer(params, "amount", "amount");
        String currency = requireString(params, "currency").toLowerCase(Locale.ROOT);
        if (amount < 1 || "usd".equals(currency) && amount < 50) {
            throw ApiError.invalid("amount_too_small", "Amount must be at least $0.50 usd", "amount");
        }
        if (amount > 99_999_999L) {
            throw ApiError.invalid("amount_too_large", "Amount must be no more than $999,999.99", "amount");
        }
        List<String> types = strings(params, "payment_method_types");
        if (types.isEmpty()) {
            types = List.of("card");
        }
        boolean confirm = "true".equals(string(params, "confirm"));
        Object offSessionParam = params.get("off_session");
        boolean offSession = "true".equals(offSessionParam) || "one_off".equals(offSessionParam)
                || "recurring".equals(offSessionParam);
        if (offSessionParam != null && !confirm) {
            throw ApiError.invalid("parameter_invalid", "off_session can only be used when confirm is true.",
                    "off_session");
        }
        String customer = string(params, "customer");
        if (customer != null) {
            find(customers, customer, "customer", "customer");
        }
        String methodId = string(params, "payment_method");
        ObjectNode method = null;
        TestInstruments.Instrument instrument = null;
        if (methodId != null) {
            try {
                method = readPaymentMethod(methodId);
            } catch (ApiError missing) {
                throw ApiError.invalid("resource_missing", "No such PaymentMethod: '" + methodId + "'",
                        "payment_method");
            }
            instrument = instrumentOf.containsKey(methodId) ? instrumentOf.get(methodId)
                    : TestInstruments.byId(methodId).orElseThrow().instrument();
            if (!types.contains(method.path("type").asText())) {
                throw ApiError.invalid("payment_intent_incompatible_payment_method", "The PaymentMethod provided ("
                        + method.path("type").asText() + ") is not allowed for this PaymentIntent. Please attach a "
                        + "PaymentMethod of one of the following types: " + String.join(", ", types) + ".",
                        "payment_method");
            }
            String owner = method.path("customer").isNull() ? null : method.path("customer").asText(null);
            if (owner != null && !owner.equals(customer)) {
                throw ApiError.invalid(null, "The provided PaymentMethod belongs to a Customer; pass that "
                        + "customer's id as customer to use it.", "payment_method");
            }
            if (method.has("detached")) {
                throw ApiError.invalid(null, "The provided PaymentMethod was detached from a Customer and may not "
                        + "be used again.", "payment_method");
            }
            if ("us_bank_account".equals(method.path("type").asText())) {
                if (!"usd".equals(currency)) {
                    throw ApiError.invalid("payment_intent_invalid_parameter",
                            "ACH Direct Debit payments must be in usd.", "currency");
                }
                if (confirm && params.get("mandate_data") == null && params.get("mandate") == null) {
                    throw ApiError.invalid("parameter_missing", "A mandate is required to confirm a PaymentIntent "
                            + "with a us_bank_account PaymentMethod: pass mandate_data or mandate.", "mandate_data");
                }
            }
        } else if (confirm) {
            throw ApiError.invalid("payment_intent_unexpected_state", "You cannot confirm this PaymentIntent because "
                    + "it's missing a payment method.", "payment_method");
        }

        ObjectNode intent = fixtures.of("payment_intent");
        String id = newId("pi");
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("amount", amount);
        intent.put("amount_received", 0);
        intent.put("amount_capturable", 0);
        intent.put("currency", currency);
        intent.put("created", now());
        intent.put("client_secret", id + "_secret_" + randomLetters(24));
        intent.put("customer", customer);
        intent.put("description", string(params, "description"));
        intent.set("metadata", metadata(params));
        intent.put("payment_method", methodId == null ? null : method.path("id").asText());
        ArrayNode typeArray = intent.putArray("payment_method_types");
        types.forEach(typeArray::add);
        intent.putNull("automatic_payment_methods");
        intent.putNull("canceled_at");
        intent.putNull("last_payment_error");
        intent.putNull("latest_charge");
        intent.putNull("next_action");
        intent.putNull("processing");
        intent.putNull("transfer_data");
        intent.putNull("payment_method_configuration_details");
        intent.put("setup_future_usage", string(params, "setup_future_usage"));
        intent.put("status", confirm ? "requires_confirmation" : methodId == null ? "requires_payment_method"
                : "requires_confirmation");
        paymentIntents.put(id, intent);
        if (instrument != null) {
            intentInstrument.put(id, instrument);
        }
        emit("payment_intent.created", intent, idempotencyKey);
        if (!confirm) {
            return ok(intent);
        }
        return confirmIntent(intent, method, instrument, offSession, idempotencyKey);
    }

    private Answer confirmIntent(ObjectNode intent, ObjectNode method, TestInstruments.Instrument instrument,
            boolean offSession, String idempotencyKey) {
        switch (instrument.outcome()) {
            case APPROVE:
                ObjectNode paid = newCharge(intent, method, "succeeded");
                succeed(intent, paid, idempotencyKey);
                return ok(intent);
            case DECLINE:
                return decline(intent, method, instrument.code(), instrument.declineCode(), instrument.message(),
                        idempotencyKey);
            case AUTHENTICATE:
                if (offSession) {
                    return decline(intent, method, instrument.code(), instrument.declineCode(), instrument.message(),
                            idempotencyKey);
                }
                intent.put("status", "requires_action");
                ObjectNode next = intent.putObject("next_action");
                next.put("type", "use_stripe_sdk");
                next.putObject("use_stripe_sdk").put("type", "three_d_secure_redirect");
                emit("payment_intent.requires_action", intent, idempotencyKey);
                return ok(intent);
            default:
                ObjectNode pending = newCharge(intent, method, "pending");
                intent.put("status", "processing");
                intent.put("latest_charge", pending.path("id").asText());
                ObjectNode processing = intent.putObject("processing");
                processing.put("type", "us_bank_account");
                emit("charge.pending", pending, idempotencyKey);
                emit("payment_intent.processing", intent, idempotencyKey);
                return ok(intent);
        }
    }

    private void succeed(ObjectNode intent, ObjectNode charge, String idempotencyKey) {
        intent.put("status", "succeeded");
        intent.put("amount_received", intent.path("amount").asLong());
        intent.put("latest_charge", charge.path("id").asText());
        intent.putNull("processing");
        emit("charge.succeeded", charge, idempotencyKey);
        emit("payment_intent.succeeded", intent, idempotencyKey);
    }

    private Answer decline(ObjectNode intent, ObjectNode method, String code, String declineCode, String message,
            String idempotencyKey) {
        ObjectNode failed = newCharge(intent, method, "failed");
        failed.put("failure_code", code);
        failed.put("failure_message", message);
        intent.put("status", "requires_payment_method");
        intent.put("latest_charge", failed.path("id").asText());
        ObjectNode error = intent.putObject("last_payment_error");
        error.put("type", "card_error");
        error.put("code", code);
        error.put("decline_code", declineCode);
        error.put("message", message);
        error.put("charge", failed.path("id").asText());
        error.set("payment_method", method.deepCopy());
        intent.putNull("payment_method");
        emit("charge.failed", failed, idempotencyKey);
        emit("payment_intent.payment_failed", intent, idempotencyKey);
        ApiError answer = cardError(code, declineCode, message, failed.path("id").asText());
        answer.error().set("payment_intent", intent.deepCopy());
        answer.error().set("payment_method", method.deepCopy());
        return new Answer(answer.status(), answer.body());
    }

    private ObjectNode newCharge(ObjectNode intent, ObjectNode method, String status) {
        ObjectNode charge = fixtures.of("charge");
        String id = newId("ch");
        long amount = intent.path("amount").asLong();
        charge.put("id", id);
        charge.put("amount", amount);
        charge.put("amount_captured", "succeeded".equals(status) ? amount : 0);
        charge.put("amount_refunded", 0);
        charge.put("refunded", false);
        charge.put("captured", "succeeded".equals(status));
        charge.put("paid", "succeeded".equals(status));
        charge.put("status", status);
        charge.put("currency", intent.path("currency").asText());
        charge.put("created", now());
        charge.put("customer", intent.path("customer").asText(null));
        charge.put("description", intent.path("description").asText(null));
        charge.put("payment_intent", intent.path("id").asText());
        charge.put("payment_method", method.path("id").asText());
        charge.set("metadata", intent.path("metadata").deepCopy());
        charge.putNull("failure_code");
        charge.putNull("failure_message");
        charge.putNull("balance_transaction");
        ObjectNode details = charge.putObject("payment_method_details");
        String type = method.path("type").asText();
        details.put("type", type);
        if ("card".equals(type)) {
            ObjectNode card = details.putObject("card");
            JsonNode source = method.path("card");
            card.put("brand", source.path("brand").asText());
            card.put("last4", source.path("last4").asText());
            card.put("exp_month", source.path("exp_month").asInt());
            card.put("exp_year", source.path("exp_year").asInt());
            card.set("wallet", source.path("wallet").deepCopy());
        } else {
            ObjectNode account = details.putObject("us_bank_account");
            account.put("bank_name", TestInstruments.BANK_NAME);
            account.put("last4", method.path("us_bank_account").path("last4").asText());
            account.put("routing_number", TestInstruments.ROUTING_NUMBER);
        }
        charges.put(id, charge);
        return charge;
    }

    /**
     * Settles a processing ACH debit as its test account says: succeeded, or failed with the account's failure code.
     *
     * @return false when the intent is not processing or its account never settles
     */
    synchronized boolean settle(String intentId) {
        ObjectNode intent = find(paymentIntents, intentId, "payment_intent", null);
        TestInstruments.Instrument instrument = intentInstrument.get(intentId);
        if (!"processing".equals(intent.path("status").asText()) || instrument == null
                || instrument.outcome() == TestInstruments.Outcome.STAY_PROCESSING) {
            return false;
        }
        ObjectNode charge = charges.get(intent.path("latest_charge").asText());
        if (instrument.outcome() == TestInstruments.Outcome.SETTLE) {
            charge.put("status", "succeeded");
            charge.put("paid", true);
            charge.put("captured", true);
            charge.put("amount_captured", charge.path("amount").asLong());
            succeed(intent, charge, null);
        } else {
            failDebit(intent, charge, instrument.code(), instrument.message());
        }
        return true;
    }

    /** Processing ACH debits and pending refunds, settled. */
    synchronized int settleAll() {
        int settled = 0;
        for (String id : new ArrayList<>(paymentIntents.keySet())) {
            if (settle(id)) {
                settled++;
            }
        }
        for (ObjectNode refund : refunds.values()) {
            if ("pending".equals(refund.path("status").asText())) {
                refund.put("status", "succeeded");
                emit("charge.refund.updated", refund, null);
                settled++;
            }
        }
        return settled;
    }

    /**
     * An ACH return after the debit succeeded, as Stripe reports it: the charge fails with the return's code and the
     * PaymentIntent goes back to waiting for a payment method ({@code charge.failed},
     * {@code payment_intent.payment_failed}). What was collected stays recorded: the intent's {@code amount_received}
     * and the charge's {@code amount_captured} keep the amount, which is what tells a returned debit from one that
     * failed before it ever settled (both zero).
     */
    synchronized void achReturn(String intentId, String failureCode) {
        ObjectNode intent = find(paymentIntents, intentId, "payment_intent", null);
        if (!"succeeded".equals(intent.path("status").asText())
                || !intent.path("payment_method_types").toString().contains("us_bank_account")) {
            throw new IllegalStateException(intentId + " is not a succeeded ACH debit");
        }
        ObjectNode charge = charges.get(intent.path("latest_charge").asText());
        failDebit(intent, charge, failureCode, "The customer's bank returned the debit (" + failureCode + ").");
    }

    private void failDebit(ObjectNode intent, ObjectNode charge, String code, String message) {
        charge.put("status", "failed");
        charge.put("paid", false);
        charge.put("failure_code", code);
        charge.put("failure_message", message);
        intent.put("status", "requires_payment_method");
        intent.putNull("processing");
        ObjectNode error = intent.putObject("last_payment_error");
        error.put("type", "invalid_request_error");
        error.put("code", code);
        error.put("message", message);
        error.put("charge", charge.path("id").asText());
        emit("charge.failed", charge, null);
        emit("payment_intent.payment_failed", intent, null);
    }

    // --------------------------------------------------------------------------------------- setup intents

    private ObjectNode createSetupIntent(Map<String, Object> params) {
        String customer = string(params, "customer");
        if (customer != null) {
            find(customers, customer, "customer", "customer");
        }
        ObjectNode intent = fixtures.of("setup_intent");
        String id = newId("seti");
        intent.put("id", id);
        intent.put("created", now());
        intent.put("client_secret", id + "_secret_" + randomLetters(32));
        intent.put("customer", customer);
        intent.put("description", string(params, "description"));
        intent.set("metadata", metadata(params));
        intent.putNull("last_setup_error");
        intent.putNull("next_action");
        intent.putNull("automatic_payment_methods");
        intent.putNull("payment_method_configuration_details");
        List<String> types = strings(params, "payment_method_types");
        ArrayNode typeArray = intent.putArray("payment_method_types");
        (types.isEmpty() ? List.of("card") : types).forEach(typeArray::add);
        intent.put("usage", string(params, "usage") == null ? "off_session" : string(params, "usage"));
        intent.put("status", "requires_payment_method");
        setupIntents.put(id, intent);
        emit("setup_intent.created", intent, null);
        return intent;
    }

    /** What Stripe.js does when the payer completes a SetupIntent: the method is attached to its customer. */
    synchronized ObjectNode confirmSetup(String setupIntentId, String paymentMethodId) {
        ObjectNode intent = find(setupIntents, setupIntentId, "setup_intent", null);
        if (paymentMethodId == null) {
            throw ApiError.invalid("parameter_missing", "Missing required param: payment_method.", "payment_method");
        }
        ObjectNode method = paymentMethods.get(paymentMethodId);
        if (method == null || !intent.path("payment_method_types").toString()
                .contains("\"" + method.path("type").asText() + "\"")) {
            method = readPaymentMethod(paymentMethodId);
        }
        String customer = intent.path("customer").asText(null);
        if (customer != null) {
            Map<String, Object> attach = new LinkedHashMap<>();
            attach.put("customer", customer);
            method = attach(paymentMethodId, attach);
        }
        intent.put("payment_method", method.path("id").asText());
        intent.put("status", "succeeded");
        emit("setup_intent.succeeded", intent, null);
        return intent;
    }

    // ---------------------------------------------------------------------------------------------- refunds

    private ObjectNode createRefund(Map<String, Object> params, String idempotencyKey) {
        String intentId = string(params, "payment_intent");
        String chargeId = string(params, "charge");
        ObjectNode intent;
        ObjectNode charge;
        if (intentId != null) {
            intent = paymentIntents.get(intentId);
            if (intent == null) {
                throw ApiError.invalid("resource_missing", "No such payment_intent: '" + intentId + "'",
                        "payment_intent");
            }
            charge = charges.get(intent.path("latest_charge").asText(""));
        } else if (chargeId != null) {
            charge = charges.get(chargeId);
            if (charge == null) {
                throw ApiError.invalid("resource_missing", "No such charge: '" + chargeId + "'", "charge");
            }
            intent = paymentIntents.get(charge.path("payment_intent").asText());
        } else {
            throw ApiError.invalid("parameter_missing", "One of the following params should be provided for this "
                    + "request: payment_intent or charge.", null);
        }
        if (charge == null || !"succeeded".equals(charge.path("status").asText())) {
            throw ApiError.invalid("payment_intent_unexpected_state", "This PaymentIntent does not have a successful "
                    + "charge to refund.", intentId != null ? "payment_intent" : "charge");
        }
        long left = charge.path("amount_captured").asLong() - charge.path("amount_refunded").asLong();
        if (left <= 0) {
            throw ApiError.invalid("charge_already_refunded", "Charge " + charge.path("id").asText()
                    + " has already been refunded.", null);
        }
        long amount = params.containsKey("amount") ? integer(params, "amount", "amount") : left;
        if (amount < 1) {
            throw ApiError.invalid("parameter_invalid_integer", "Refund amount must be positive.", "amount");
        }
        if (amount > left) {
            throw ApiError.invalid("amount_too_large", "Refund amount (" + dollars(amount, charge)
                    + ") is greater than unrefunded amount on charge (" + dollars(left, charge) + ")", "amount");
        }
        ObjectNode refund = fixtures.of("refund");
        String id = newId("re");
        refund.put("id", id);
        refund.put("amount", amount);
        refund.put("charge", charge.path("id").asText());
        refund.put("payment_intent", charge.path("payment_intent").asText());
        refund.put("currency", charge.path("currency").asText());
        refund.put("created", now());
        refund.set("metadata", metadata(params));
        refund.put("reason", string(params, "reason"));
        boolean bank = "us_bank_account".equals(charge.path("payment_method_details").path("type").asText());
        refund.put("status", bank ? "pending" : "succeeded");
        if (bank) {
            refund.putObject("destination_details").put("type", "us_bank_transfer");
        }
        refunds.put(id, refund);
        charge.put("amount_refunded", charge.path("amount_refunded").asLong() + amount);
        charge.put("refunded", charge.path("amount_refunded").asLong() == charge.path("amount_captured").asLong());
        emit("refund.created", refund, idempotencyKey);
        emit("charge.refunded", charge, idempotencyKey);
        return refund;
    }

    private static String dollars(long minor, ObjectNode charge) {
        String currency = charge.path("currency").asText();
        String amount = BigDecimal.valueOf(minor, 2).toPlainString();
        return "usd".equals(currency) ? "$" + amount : amount + " " + currency;
    }

    // ----------------------------------------------------------------------------------------------- events

    /**
     * An event for an object the fake holds, as Stripe would send it; the object is a PaymentIntent, SetupIntent or
     * Charge id, or a PaymentIntent's id for {@code charge.*} events (its latest charge is used).
     */
    synchronized ObjectNode trigger(String type, String objectId) {
        ObjectNode object;
        if (type.startsWith("payment_intent.")) {
            object = find(paymentIntents, objectId, "payment_intent", null);
        } else if (type.startsWith("setup_intent.")) {
            object = find(setupIntents, objectId, "setup_intent", null);
        } else if (type.equals("charge.dispute.created")) {
            ObjectNode charge = chargeOf(objectId);
            object = fixtures.of("dispute");
            object.put("id", newId("dp"));
            object.put("amount", charge.path("amount").asLong());
            object.put("charge", charge.path("id").asText());
            object.put("payment_intent", charge.path("payment_intent").asText());
            object.put("currency", charge.path("currency").asText());
            object.put("created", now());
            object.put("reason", "fraudulent");
            object.put("status", "needs_response");
            charge.put("disputed", true);
        } else if (type.startsWith("charge.")) {
            object = chargeOf(objectId);
        } else {
            throw new IllegalArgumentException("the fake cannot trigger " + type);
        }
        return emit(type, object, null);
    }

    private ObjectNode chargeOf(String id) {
        if (charges.containsKey(id)) {
            return charges.get(id);
        }
        ObjectNode intent = find(paymentIntents, id, "payment_intent", null);
        ObjectNode charge = charges.get(intent.path("latest_charge").asText(""));
        if (charge == null) {
            throw new IllegalStateException(id + " has no charge");
        }
        return charge;
    }

    private ObjectNode emit(String type, ObjectNode object, String idempotencyKey) {
        ObjectNode event = fixtures.of("event");
        event.put("id", newId("evt"));
        event.put("type", type);
        event.put("created", now());
        event.put("api_version", "2022-04-12");
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode data = event.putObject("data");
        ObjectNode snapshot = object.deepCopy();
        snapshot.remove("detached");
        data.set("object", snapshot);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.put("idempotency_key", idempotencyKey);
        eventLog.add(event);
        events.accept(event);
        return event;
    }

    private ObjectNode listEvents() {
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        list.put("url", "/v1/events");
        list.put("has_more", false);
        ArrayNode data = list.putArray("data");
        for (int i = eventLog.size() - 1; i >= 0 && data.size() < 100; i--) {
            data.add(eventLog.get(i));
        }
        return list;
    }

    // ------------------------------------------------------------------------------------- search and list

    private ObjectNode search(Map<String, ObjectNode> objects, Map<String, Object> params, String url) {
        String query = requireString(params, "query");
        List<String[]> clauses = new ArrayList<>();
        for (String clause : query.split(" AND ")) {
            Matcher matcher = CLAUSE.matcher(clause);
            if (!matcher.matches()) {
                throw ApiError.invalid("parameter_invalid", "The fake understands search clauses "
                        + "metadata['key']:'value' and field:'value' joined by AND, not: " + clause, "query");
            }
            clauses.add(new String[] {matcher.group(1), matcher.group(2), matcher.group(3)});
        }
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode object : objects.values()) {
            boolean all = true;
            for (String[] clause : clauses) {
                JsonNode value = clause[0] != null ? object.path("metadata").path(clause[0]) : object.path(clause[1]);
                all &= value.isValueNode() && value.asText().equals(clause[2]);
            }
            if (all) {
                found.add(object);
            }
        }
        java.util.Collections.reverse(found); // newest first, as Stripe answers
        int limit = params.containsKey("limit") ? (int) integer(params, "limit", "limit") : 10;
        int offset = params.containsKey("page") ? Integer.parseInt(requireString(params, "page")) : 0;
        ObjectNode result = NODES.objectNode();
        result.put("object", "search_result");
        result.put("url", url);
        ArrayNode data = result.putArray("data");
        found.stream().skip(offset).limit(limit).forEach(data::add);
        boolean more = offset + limit < found.size();
        result.put("has_more", more);
        result.put("next_page", more ? String.valueOf(offset + limit) : null);
        result.put("total_count", found.size());
        return result;
    }

    private static ObjectNode list(Map<String, ObjectNode> objects, String url) {
        ObjectNode list = NODES.objectNode();
        list.put("object", "list");
        list.put("url", url);
        list.put("has_more", false);
        ArrayNode data = list.putArray("data");
        List<ObjectNode> all = new ArrayList<>(objects.values());
        for (int i = all.size() - 1; i >= 0 && data.size() < 100; i--) {
            data.add(all.get(i));
        }
        return list;
    }

    // ------------------------------------------------------------------------------------------ inspection

    synchronized List<JsonNode> snapshot(String kind) {
        Map<String, ObjectNode> objects = switch (kind) {
            case "customers" -> customers;
            case "payment_methods" -> paymentMethods;
            case "payment_intents" -> paymentIntents;
            case "setup_intents" -> setupIntents;
            case "charges" -> charges;
            case "refunds" -> refunds;
            case "events" -> {
                Map<String, ObjectNode> byId = new LinkedHashMap<>();
                eventLog.forEach(e -> byId.put(e.path("id").asText(), e));
                yield byId;
            }
            default -> throw new IllegalArgumentException(kind);
        };
        List<JsonNode> copies = new ArrayList<>();
        objects.values().forEach(o -> copies.add(o.deepCopy()));
        return copies;
    }

    synchronized void reset() {
        customers.clear();
        paymentMethods.clear();
        instrumentOf.clear();
        paymentIntents.clear();
        intentInstrument.clear();
        setupIntents.clear();
        charges.clear();
        refunds.clear();
        eventLog.clear();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    private static ObjectNode find(Map<String, ObjectNode> objects, String id, String what, String param) {
        ObjectNode found = id == null ? null : objects.get(id);
        if (found == null) {
            throw param == null ? ApiError.missing(what, id, null)
                    : ApiError.invalid("resource_missing", "No such " + what + ": '" + id + "'", param);
        }
        return found;
    }

    private static ApiError cardError(String code, String declineCode, String message, String charge) {
        ApiError error = new ApiError(402, "card_error", code, message, null);
        if (declineCode != null) {
            error.error().put("decline_code", declineCode);
        }
        if (charge != null) {
            error.error().put("charge", charge);
        }
        return error;
    }

    private ObjectNode metadata(Map<String, Object> params) {
        ObjectNode metadata = NODES.objectNode();
        Object given = params.get("metadata");
        if (given instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null && !"".equals(v)) {
                    metadata.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return metadata;
    }

    private static String string(Map<String, Object> params, String name) {
        Object value = params == null ? null : params.get(name);
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    private static String requireString(Map<String, Object> params, String name) {
        String value = string(params, name);
        if (value == null) {
            throw ApiError.invalid("parameter_missing", "Missing required param: " + name + ".", name);
        }
        return value;
    }

    private static long integer(Map<String, Object> params, String name, String param) {
        String value = requireString(params, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw ApiError.invalid("parameter_invalid_integer", "Invalid integer: " + value, param);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> params, String name) {
        Object value = params.get(name);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    private static List<String> strings(Map<String, Object> params, String name) {
        Object value = params.get(name);
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> strings.add(String.valueOf(v)));
        }
        return strings;
    }

    private long now() {
        // Never earlier than the last answer, so "created" orders objects as they were made.
        clock = Math.max(clock, Instant.now().getEpochSecond());
        return clock;
    }

    private int year() {
        return Instant.now().atZone(ZoneOffset.UTC).getYear();
    }

    private String newId(String prefix) {
        return prefix + "_" + randomLetters(24);
    }

    private String randomLetters(int count) {
        StringBuilder id = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            id.append(ID_LETTERS.charAt(random.nextInt(ID_LETTERS.length())));
        }
        return id.toString();
    }

    Optional<ObjectNode> paymentIntent(String id) {
        synchronized (this) {
            return Optional.ofNullable(paymentIntents.get(id)).map(ObjectNode::deepCopy);
        }
    }
}
