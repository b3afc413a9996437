package org.paydesk.adapters.processor.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventReader;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodSetup;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

/**
 * Paydesk's processor ports over Stripe, through one {@link StripeClient} (base URL, secret key and timeouts from
 * {@link StripeSettings}; stripe-java's own retries off, {@link StripeRetries} instead).
 *
 * <ul>
 *   <li><b>Charges</b>: one PaymentIntent created and confirmed in a single call, sent with the
 *       {@link ChargeRequest#idempotencyKey()} as Stripe's {@code Idempotency-Key} (derived from Paydesk's stored
 *       attempt id, so a retry, ours or after a crash, can never charge twice). Cards and wallets are
 *       {@code payment_method_types[]=card}; ACH is {@code us_bank_account} with an offline mandate acceptance
 *       (Paydesk's staff hold the payer's authorisation), which Stripe requires to confirm a debit. Off session, the
 *       saved method is charged as the customer's ({@code customer}, {@code off_session=true}). Every PaymentIntent
 *       carries metadata {@value #PAYMENT_ID} and {@value #ATTEMPT_KEY}, so {@link #chargesFor} finds it by search.
 *       Statuses: {@code succeeded} is Succeeded, {@code processing} is Processing, a card error is Declined with
 *       Stripe's code and decline code, and {@code requires_action} (3-D Secure on session) is Declined with
 *       {@code authentication_required}, as the sandbox answers, since Paydesk charges from the server and cannot
 *       run the challenge. A lost answer (timeout, broken connection) or a rate limit or server error that outlasts
 *       the retry budget is Unknown; reconciliation then asks {@link #chargesFor}. {@link #lookup} reads a
 *       PaymentIntent again with its latest charge ({@link #chargeOf}: succeeded, processing, failed, an ACH return,
 *       a dispute).</li>
 *   <li><b>Saved methods</b>: a Paydesk customer is a Stripe Customer with metadata {@value #CUSTOMER_ID}, found by
 *       Stripe's customer search or created with an idempotency key derived from the Paydesk customer id; PaymentMethods
 *       are attached to it and detached. {@link #startSetup} creates a SetupIntent for Stripe.js in the payer's
 *       browser: Stripe tokenizes card and bank details there, so this adapter does not implement
 *       {@link org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer}.</li>
 *   <li><b>Refunds</b>: a Refund of the PaymentIntent, with the refund's idempotency key.</li>
 *   <li><b>Webhooks</b>: verified with {@value StripeSettings#WEBHOOK_SECRET} and read as
 *       {@link ProcessorEvent}s by {@link StripeWebhooks}.</li>
 * </ul>
 * The secret key is never logged and never put into an exception message. It is a bean only of its own class
 * ({@code @Typed}); the ports are served by {@link org.paydesk.adapters.processor.SelectedProcessor}, which delegates
 * to it when {@code paydesk.processor} is {@code stripe}.
 */
@ApplicationScoped
@Typed(StripePaymentProcessor.class)
public class StripePaymentProcessor implements PaymentProcessor, PaymentMethodVault, PaymentMethodSetup,
        RefundProcessor, ProcessorEventReader {

    /** Metadata naming the Paydesk payment a PaymentIntent charges. */
    static final String PAYMENT_ID = "paydesk_payment_id";
    /** Metadata holding the idempotency key the PaymentIntent was created with (Stripe does not return it). */
    static final String ATTEMPT_KEY = "paydesk_attempt_key";
    /** Metadata naming the Paydesk customer a Stripe Customer stands for. */
    static final String CUSTOMER_ID = "paydesk_customer_id";
    /** Metadata holding a Refund's idempotency key. */
    static final String REFUND_KEY = "paydesk_refund_key";

    static final String AUTHENTICATION_REQUIRED = "authentication_required";
    static final String ON_SESSION_AUTHENTICATION_MESSAGE = "This card requires 3-D Secure authentication, which "
            + "Paydesk cannot perform when it charges the card itself. Use another card.";

    private static final Logger LOG = Logger.getLogger(StripePaymentProcessor.class.getName());
    private static final Set<PaymentMethodType> WALLETS = Set.of(PaymentMethodType.APPLE_PAY,
            PaymentMethodType.GOOGLE_PAY);
    private static final int SEARCH_PAGE = 100;
    /** The intent's latest charge is read with it: whether it was disputed, and why a debit failed or came back. */
    private static final String LATEST_CHARGE = "latest_charge";

    private final StripeSettings settings;
    private final StripeClient client;
    private final StripeRetries retries;
    /** Null when no webhook signing secret is configured. */
    private final StripeWebhooks webhooks;
    private final Map<CustomerId, String> customers = new ConcurrentHashMap<>();

    @Inject
    public StripePaymentProcessor(
            @ConfigProperty(name = StripeSettings.API_BASE, defaultValue = StripeSettings.DEFAULT_API_BASE)
            String apiBase,
            @ConfigProperty(name = StripeSettings.SECRET_KEY) Optional<String> secretKey,
            @ConfigProperty(name = StripeSettings.PUBLISHABLE_KEY) Optional<String> publishableKey,
            @ConfigProperty(name = StripeSettings.WEBHOOK_SECRET) Optional<String> webhookSecret,
            @ConfigProperty(name = StripeSettings.CONNECT_TIMEOUT_MS,
                    defaultValue = StripeSettings.DEFAULT_CONNECT_TIMEOUT_MS) long connectTimeoutMillis,
            @ConfigProperty(name = StripeSettings.READ_TIMEOUT_MS,
                    defaultValue = StripeSettings.DEFAULT_READ_TIMEOUT_MS) long readTimeoutMillis,
            @ConfigProperty(name = StripeSettings.RETRY_BUDGET_MS,
                    defaultValue = StripeSettings.DEFAULT_RETRY_BUDGET_MS) long retryBudgetMillis) {
        this(StripeSettings.of(apiBase, secretKey.orElse(null), publishableKey.orElse(null),
                webhookSecret.orElse(null), connectTimeoutMillis, readTimeoutMillis, retryBudgetMillis));
    }

    /** With the default retry pacing. */
    public StripePaymentProcessor(StripeSettings settings) {
        this(settings, new StripeRetries(Objects.requireNonNull(settings, "settings").retryBudget()));
    }

    /** With a retry policy of the test's choosing. */
    StripePaymentProcessor(StripeSettings settings, StripeRetries retries) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.client = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase().toString())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .setMaxNetworkRetries(0)
                .build();
        this.webhooks = settings.webhookSecret() == null ? null : new StripeWebhooks(settings.webhookSecret());
        LOG.info(() -> "stripe processor ready: " + settings);
    }

    /** For CDI's proxy only. */
    protected StripePaymentProcessor() {
        this.settings = null;
        this.client = null;
        this.retries = null;
        this.webhooks = null;
    }

    /** The settings in use (never shown with their keys). */
    public StripeSettings settings() {
        return settings;
    }

    /** The publishable key for Stripe.js, if configured. */
    public Optional<String> publishableKey() {
        return Optional.ofNullable(settings.publishableKey());
    }

    // ----------------------------------------------------------------------------------------------- charges

    /**
     * @throws IllegalStateException when Stripe refuses the key reused with other parameters
     *     ({@code idempotency_error}), or refuses the configured secret key; nothing is charged
     */
    @Override
    public PaymentOutcome charge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        PaymentOutcome outcome;
        try {
            PaymentIntentCreateParams params = intentParams(request);
            PaymentIntent intent = retries.call("charge", () -> client.v1().paymentIntents().create(params,
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build()));
            outcome = outcomeOf(intent);
        } catch (CardException declined) {
            outcome = new PaymentOutcome.Declined(intentId(declined), failureOf(declined));
        } catch (IdempotencyException keyReused) {
            LOG.warning(() -> "stripe charge: payment " + request.paymentId() + ", key " + request.idempotencyKey()
                    + " reused with other parameters, refused (idempotency_error)");
            throw new IllegalStateException("idempotency_error: " + safe(keyReused.getMessage()), keyReused);
        } catch (InvalidRequestException invalid) {
            outcome = new PaymentOutcome.Declined(intentId(invalid), failureOf(invalid));
        } catch (AuthenticationException refused) {
            throw keyRefused(refused);
        } catch (ApiConnectionException lost) {
            outcome = new PaymentOutcome.Unknown("no answer from Stripe: " + lost.getClass().getSimpleName());
        } catch (StripeException other) {
            outcome = new PaymentOutcome.Unknown("Stripe answered HTTP " + other.getStatusCode()
                    + " until the retry budget was spent");
        }
        PaymentOutcome answered = outcome;
        LOG.log(answered instanceof PaymentOutcome.Unknown ? Level.WARNING : Level.INFO,
                () -> "stripe charge: payment " + request.paymentId() + ", key " + request.idempotencyKey() + ", "
                        + describe(answered));
        return outcome;
    }

    /** Apple Pay and Google Pay: Stripe takes both as card payments. */
    @Override
    public Set<PaymentMethodType> supportedWallets() {
        return WALLETS;
    }

    /**
     * Every PaymentIntent with this payment's metadata, oldest first, each read as {@link #lookup} reads it (its latest
     * charge expanded in the search); throws {@link IllegalStateException} when Stripe cannot be asked. Stripe's
     * search is eventually consistent (an intent may take up to a minute to be found), so a reconciler should ask a
     * while after the attempt, not at once.
     */
    @Override
    public List<ProcessorCharge> chargesFor(PaymentId payment) {
        Objects.requireNonNull(payment, "payment");
        String query = "metadata['" + PAYMENT_ID + "']:'" + payment.value() + "'";
        List<PaymentIntent> intents = new ArrayList<>();
        String page = null;
        try {
            do {
                PaymentIntentSearchParams.Builder params = PaymentIntentSearchParams.builder().setQuery(query)
                        .setLimit((long) SEARCH_PAGE).addExpand("data." + LATEST_CHARGE);
                if (page != null) {
                    params.setPage(page);
                }
                PaymentIntentSearchParams built = params.build();
                StripeSearchResult<PaymentIntent> result = retries.call("search payment intents",
                        () -> client.v1().paymentIntents().search(built));
                intents.addAll(result.getData());
                page = Boolean.TRUE.equals(result.getHasMore()) ? result.getNextPage() : null;
            } while (page != null);
        } catch (StripeException failed) {
            throw failure("search the charges of payment " + payment, failed);
        }
        return intents.stream()
                .filter(intent -> String.valueOf(payment.value()).equals(metadata(intent.getMetadata(), PAYMENT_ID)))
                .sorted(Comparator.comparing((PaymentIntent intent) -> intent.getCreated() == null ? 0L
                        : intent.getCreated()).thenComparing(PaymentIntent::getId))
                .map(StripePaymentProcessor::chargeOf)
                .toList();
    }

    /**
     * The PaymentIntent as Stripe holds it now, read with its latest charge ({@code expand[]=latest_charge}); see
     * {@link #chargeOf} for what it means. Empty when Stripe knows no such PaymentIntent (404
     * {@code resource_missing}, which is also the answer for a blank or foreign reference such as the sandbox's).
     *
     * @throws IllegalStateException when no answer came (timeout, broken connection), Stripe kept failing past the
     *     retry budget, or refused the secret key: the state is unknown and is never guessed
     */
    @Override
    public Optional<ProcessorCharge> lookup(String processorReference) {
        Objects.requireNonNull(processorReference, "processorReference");
        if (processorReference.isBlank()) {
            return Optional.empty();
        }
        PaymentIntentRetrieveParams params = PaymentIntentRetrieveParams.builder().addExpand(LATEST_CHARGE).build();
        PaymentIntent intent;
        try {
            intent = retries.call("retrieve payment intent",
                    () -> client.v1().paymentIntents().retrieve(processorReference, params));
        } catch (InvalidRequestException missing) {
            if (Integer.valueOf(404).equals(missing.getStatusCode()) || "resource_missing".equals(missing.getCode())) {
                return Optional.empty();
            }
            throw failure("read payment intent " + processorReference, missing);
        } catch (StripeException failed) {
            throw failure("read payment intent " + processorReference, failed);
        }
        ProcessorCharge charge = chargeOf(intent);
        LOG.fine(() -> "stripe lookup: " + processorReference + " " + charge.status() + " (" + charge.state()
                + (charge.disputed() ? ", disputed" : "") + ")");
        return Optional.of(charge);
    }

    /**
     * A PaymentIntent, read with its latest charge, in Paydesk's words.
     *
     * <ul>
     *   <li>The state follows the intent's status ({@link ProcessorCharge#stateOf}): {@code succeeded} is
     *       SUCCEEDED; {@code processing} (and {@code requires_confirmation|capture}) PROCESSING;
     *       {@code requires_payment_method}, {@code requires_action} and {@code canceled} FAILED, with the failure
     *       from {@code last_payment_error} (code and decline code), else from the latest charge's
     *       {@code failure_code}, else {@code payment_intent_canceled}; {@code requires_action} is always
     *       {@code authentication_required}, as {@link #charge} answers it.</li>
     *   <li><b>RETURNED</b>, instead of FAILED, for an ACH debit that had settled and came back: a
     *       {@code us_bank_account} intent whose latest charge is {@code failed} while the intent's
     *       {@code amount_received} is above zero. Stripe counts in {@code amount_received} only money that
     *       arrived, so a debit that failed before it settled has none and stays FAILED. The failure is the return's
     *       code: the charge's {@code failure_code} ({@code debit_not_authorized}, {@code account_closed} ...), else
     *       {@code last_payment_error.code}, else {@code payment_returned}.</li>
     *   <li><b>disputed</b> is the latest charge's {@code disputed} flag (set by Stripe when a dispute is opened,
     *       whatever its outcome later).</li>
     * </ul>
     */
    static ProcessorCharge chargeOf(PaymentIntent intent) {
        Charge latest = intent.getLatestChargeObject();
        ProcessorCharge.State state = ProcessorCharge.stateOf(intent.getStatus());
        PaymentFailure failure = null;
        if (state == ProcessorCharge.State.FAILED) {
            if (returned(intent, latest)) {
                state = ProcessorCharge.State.RETURNED;
                failure = returnOf(intent, latest);
            } else {
                failure = failureOf(intent, latest);
            }
        }
        boolean disputed = latest != null && Boolean.TRUE.equals(latest.getDisputed());
        return new ProcessorCharge(intent.getId(), metadata(intent.getMetadata(), ATTEMPT_KEY),
                Money.ofMinor(intent.getAmount(), intent.getCurrency().toUpperCase(Locale.ROOT)), intent.getStatus(),
                state, failure, disputed);
    }

    private static boolean returned(PaymentIntent intent, Charge latest) {
        boolean debit = latest != null && latest.getPaymentMethodDetails() != null
                ? "us_bank_account".equals(latest.getPaymentMethodDetails().getType())
                : intent.getPaymentMethodTypes() != null && intent.getPaymentMethodTypes().contains("us_bank_account");
        boolean chargeFailed = latest == null || "failed".equals(latest.getStatus());
        long received = intent.getAmountReceived() == null ? 0 : intent.getAmountReceived();
        return debit && chargeFailed && received > 0;
    }

    private static PaymentFailure returnOf(PaymentIntent intent, Charge latest) {
        StripeError error = intent.getLastPaymentError();
        String code = latest != null && latest.getFailureCode() != null ? latest.getFailureCode()
                : error != null && error.getCode() != null ? error.getCode() : "payment_returned";
        String message = latest != null && latest.getFailureMessage() != null ? latest.getFailureMessage()
                : error != null && error.getMessage() != null ? error.getMessage()
                : "The payer's bank returned the debit.";
        return new PaymentFailure(code, null, safe(message));
    }

    /** Why an intent that is not succeeded or processing failed. */
    private static PaymentFailure failureOf(PaymentIntent intent, Charge latest) {
        if ("requires_action".equals(intent.getStatus())) {
            // Paydesk charges from the server and cannot run the challenge, whatever else Stripe says.
            return new PaymentFailure(AUTHENTICATION_REQUIRED, AUTHENTICATION_REQUIRED,
                    ON_SESSION_AUTHENTICATION_MESSAGE);
        }
        StripeError error = intent.getLastPaymentError();
        if (error != null) {
            return new PaymentFailure(error.getCode() == null ? "card_declined" : error.getCode(),
                    error.getDeclineCode(),
                    safe(error.getMessage() == null ? "The payment was declined." : error.getMessage()));
        }
        if (latest != null && "failed".equals(latest.getStatus()) && latest.getFailureCode() != null) {
            return new PaymentFailure(latest.getFailureCode(), null, safe(latest.getFailureMessage() == null
                    ? "The charge failed." : latest.getFailureMessage()));
        }
        if ("canceled".equals(intent.getStatus())) {
            String reason = intent.getCancellationReason();
            return new PaymentFailure("payment_intent_canceled", null,
                    "Stripe canceled the payment" + (reason == null ? "" : " (" + reason + ")") + ".");
        }
        return new PaymentFailure("payment_intent_unexpected_state", null,
                "Stripe left the payment " + intent.getStatus() + ".");
    }

    private PaymentIntentCreateParams intentParams(ChargeRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minorUnits())
                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.method().token())
                .setConfirm(true)
                .putMetadata(PAYMENT_ID, String.valueOf(request.paymentId().value()))
                .putMetadata(ATTEMPT_KEY, request.idempotencyKey());
        if (request.description() != null && !request.description().isBlank()) {
            params.setDescription(request.description());
        }
        if (request.method().type() == PaymentMethodType.ACH) {
            params.addPaymentMethodType("us_bank_account");
            // Stripe confirms a debit only with a mandate: the payer's authorisation, held by Paydesk's staff.
            params.setMandateData(PaymentIntentCreateParams.MandateData.builder()
                    .setCustomerAcceptance(PaymentIntentCreateParams.MandateData.CustomerAcceptance.builder()
                            .setType(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Type.OFFLINE)
                            .setOffline(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Offline.builder()
                                    .build())
                            .build())
                    .build());
        } else {
            params.addPaymentMethodType("card");
        }
        if (request.offSession()) {
            // A saved method belongs to the customer's Stripe Customer and must be charged as theirs.
            params.setCustomer(stripeCustomer(request.customerId()));
            params.setOffSession(true);
        } else if (request.saveForFuture()) {
            // Stripe lets a method be attached after a payment only if that payment named the Customer; it then keeps
            // the method on the Customer for off-session use.
            params.setCustomer(stripeCustomer(request.customerId()));
            params.setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION);
        }
        return params.build();
    }

    private static PaymentOutcome outcomeOf(PaymentIntent intent) {
        switch (intent.getStatus()) {
            case "succeeded":
                return new PaymentOutcome.Succeeded(intent.getId());
            case "processing":
                return new PaymentOutcome.Processing(intent.getId());
            default:
                return new PaymentOutcome.Declined(intent.getId(), failureOf(intent, null));
        }
    }

    private static PaymentFailure failureOf(CardException declined) {
        String code = declined.getCode() == null ? "card_declined" : declined.getCode();
        String message = declined.getStripeError() != null && declined.getStripeError().getMessage() != null
                ? declined.getStripeError().getMessage() : "Your card was declined.";
        return new PaymentFailure(code, declined.getDeclineCode(), safe(message));
    }

    private static PaymentFailure failureOf(InvalidRequestException invalid) {
        String code = invalid.getCode() == null ? "invalid_request_error" : invalid.getCode();
        if ("resource_missing".equals(code)) {
            // Stripe's words echo the token; the caller might have put something sensitive into it.
            return new PaymentFailure(code, null, "No such PaymentMethod.");
        }
        String message = invalid.getStripeError() != null && invalid.getStripeError().getMessage() != null
                ? invalid.getStripeError().getMessage() : "Stripe refused the request.";
        return new PaymentFailure(code, null, safe(message));
    }

    private static String intentId(StripeException failed) {
        StripeError error = failed.getStripeError();
        return error == null || error.getPaymentIntent() == null ? null : error.getPaymentIntent().getId();
    }

    // ---------------------------------------------------------------------------------------------- webhooks

    /**
     * Verifies and reads a Stripe webhook ({@link StripeWebhooks}) with the configured signing secret.
     *
     * @throws org.paydesk.application.payment.port.out.InvalidProcessorEventException when the signature is missing,
     *     wrong or too old, or the payload is not a readable event
     * @throws IllegalStateException when no signing secret is configured ({@value StripeSettings#WEBHOOK_SECRET}):
     *     nothing can be verified, which is the server's fault, not the sender's
     */
    @Override
    public ProcessorEvent read(String payload, String signatureHeader) {
        if (webhooks == null) {
            LOG.severe(() -> "stripe webhook refused: " + StripeSettings.WEBHOOK_SECRET + " is not configured");
            throw new IllegalStateException(StripeSettings.WEBHOOK_SECRET + " (PAYDESK_STRIPE_WEBHOOK_SECRET) is not "
                    + "configured, so Stripe's webhooks cannot be verified");
        }
        return webhooks.read(payload, signatureHeader);
    }

    // ------------------------------------------------------------------------------------------ saved methods

    /**
     * Attaches the PaymentMethod to the customer's Stripe Customer (found or created) and answers its display facts.
     * Stripe's shared test ids ({@code pm_card_visa} ...) attach as a fresh copy each time, as at Stripe.
     *
     * @throws DomainException {@code invalid_payment_method_token} for a token Stripe does not know or of another
     *     method type; {@code payment_method_attached_elsewhere} when another customer holds it; the issuer's code
     *     ({@code card_declined} ...) when Stripe checks the card at attach time and it is refused
     */
    @Override
    public DisplayFacts attach(PaymentMethod method, CustomerId customer) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(customer, "customer");
        com.stripe.model.PaymentMethod found;
        try {
            found = retries.call("retrieve payment method",
                    () -> client.v1().paymentMethods().retrieve(method.token()));
        } catch (InvalidRequestException unknown) {
            throw invalidToken("No such PaymentMethod.");
        } catch (StripeException failed) {
            throw failure("read a payment method", failed);
        }
        PaymentMethodType actual = typeOf(found);
        if (actual != method.type()) {
            throw invalidToken("The PaymentMethod provided is not a " + method.type() + " payment method.");
        }
        String stripeCustomer = stripeCustomer(customer);
        if (found.getCustomer() != null) {
            if (!found.getCustomer().equals(stripeCustomer)) {
                throw attachedElsewhere();
            }
            return factsOf(found);
        }
        com.stripe.model.PaymentMethod attached;
        try {
            PaymentMethodAttachParams params = PaymentMethodAttachParams.builder().setCustomer(stripeCustomer).build();
            attached = retries.call("attach payment method", () -> client.v1().paymentMethods().attach(
                    method.token(), params, RequestOptions.builder()
                            .setIdempotencyKey("paydesk-attach-" + customer.value() + "-" + method.token()).build()));
        } catch (CardException declined) {
            throw new DomainException(declined.getCode() == null ? "card_declined" : declined.getCode(),
                    "paymentMethod.token", failureOf(declined).message());
        } catch (InvalidRequestException refused) {
            String message = refused.getStripeError() == null ? null : refused.getStripeError().getMessage();
            if (message != null && message.contains("already been attached")) {
                throw attachedElsewhere();
            }
            throw invalidToken("Stripe refused to attach the PaymentMethod.");
        } catch (StripeException failed) {
            throw failure("attach a payment method", failed);
        }
        LOG.info(() -> "stripe vault: " + actual + " attached to customer " + customer);
        return factsOf(attached);
    }

    /** Detaches it; an unknown or unattached PaymentMethod is ignored, as the port allows. */
    @Override
    public void detach(PaymentMethod method) {
        Objects.requireNonNull(method, "method");
        try {
            retries.call("detach payment method", () -> client.v1().paymentMethods().detach(method.token()));
        } catch (InvalidRequestException notAttached) {
            LOG.fine(() -> "stripe vault: nothing to detach (" + notAttached.getCode() + ")");
        } catch (StripeException failed) {
            throw failure("detach a payment method", failed);
        }
    }

    /**
     * A SetupIntent for cards and US bank accounts, to be confirmed by Stripe.js in the payer's browser; the method is
     * then attached to the customer's Stripe Customer for off-session use.
     *
     * @return the SetupIntent's client secret (never logged)
     */
    @Override
    public String startSetup(CustomerId customer) {
        Objects.requireNonNull(customer, "customer");
        String stripeCustomer = stripeCustomer(customer);
        SetupIntentCreateParams params = SetupIntentCreateParams.builder()
                .setCustomer(stripeCustomer)
                .addPaymentMethodType("card")
                .addPaymentMethodType("us_bank_account")
                .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                .putMetadata(CUSTOMER_ID, String.valueOf(customer.value()))
                .build();
        // Nothing is stored for a setup, so its key is fresh per call: it makes our own retries of this call safe.
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey("paydesk-setup-" + customer.value() + "-" + UUID.randomUUID()).build();
        try {
            SetupIntent intent = retries.call("create setup intent",
                    () -> client.v1().setupIntents().create(params, options));
            LOG.info(() -> "stripe setup: " + intent.getId() + " started for customer " + customer);
            return intent.getClientSecret();
        } catch (StripeException failed) {
            throw failure("start a payment method setup", failed);
        }
    }

    /**
     * The customer's Stripe Customer: remembered, else found by search on its metadata, else created with an
     * idempotency key derived from the Paydesk customer id (so two racing callers create one).
     */
    String stripeCustomer(CustomerId customer) {
        String known = customers.get(customer);
        if (known != null) {
            return known;
        }
        String query = "metadata['" + CUSTOMER_ID + "']:'" + customer.value() + "'";
        try {
            CustomerSearchParams search = CustomerSearchParams.builder().setQuery(query).setLimit(10L).build();
            StripeSearchResult<Customer> found = retries.call("search customers",
                    () -> client.v1().customers().search(search));
            Optional<String> existing = found.getData().stream()
                    .filter(c -> String.valueOf(customer.value()).equals(metadata(c.getMetadata(), CUSTOMER_ID)))
                    .min(Comparator.comparing((Customer c) -> c.getCreated() == null ? 0L : c.getCreated())
                            .thenComparing(Customer::getId))
                    .map(Customer::getId);
            String id;
            if (existing.isPresent()) {
                id = existing.get();
            } else {
                CustomerCreateParams create = CustomerCreateParams.builder()
                        .setDescription("Paydesk customer " + customer.value())
                        .putMetadata(CUSTOMER_ID, String.valueOf(customer.value())).build();
                Customer created = retries.call("create customer", () -> client.v1().customers().create(create,
                        RequestOptions.builder().setIdempotencyKey("paydesk-customer-" + customer.value()).build()));
                id = created.getId();
                LOG.info(() -> "stripe customer " + created.getId() + " created for customer " + customer);
            }
            customers.put(customer, id);
            return id;
        } catch (StripeException failed) {
            throw failure("find or create the Stripe customer of customer " + customer, failed);
        }
    }

    private static PaymentMethodType typeOf(com.stripe.model.PaymentMethod method) {
        if ("us_bank_account".equals(method.getType())) {
            return PaymentMethodType.ACH;
        }
        if (!"card".equals(method.getType()) || method.getCard() == null) {
            return null;
        }
        com.stripe.model.PaymentMethod.Card.Wallet wallet = method.getCard().getWallet();
        if (wallet == null || wallet.getType() == null) {
            return PaymentMethodType.CARD;
        }
        return switch (wallet.getType()) {
            case "apple_pay" -> PaymentMethodType.APPLE_PAY;
            case "google_pay" -> PaymentMethodType.GOOGLE_PAY;
            default -> null;
        };
    }

    private static DisplayFacts factsOf(com.stripe.model.PaymentMethod method) {
        if (method.getUsBankAccount() != null && "us_bank_account".equals(method.getType())) {
            return DisplayFacts.bankAccount(method.getUsBankAccount().getBankName(),
                    method.getUsBankAccount().getLast4());
        }
        com.stripe.model.PaymentMethod.Card card = method.getCard();
        return DisplayFacts.card(card.getBrand(), card.getLast4(), card.getExpMonth().intValue(),
                card.getExpYear().intValue());
    }

    private static DomainException invalidToken(String message) {
        return new DomainException("invalid_payment_method_token", "paymentMethod.token", message);
    }

    private static DomainException attachedElsewhere() {
        return new DomainException("payment_method_attached_elsewhere", "paymentMethod.token",
                "The payment method is already attached to another customer.");
    }

    // ------------------------------------------------------------------------------------------------ refunds

    /**
     * @throws IllegalStateException when Stripe refuses the key reused with another request, or the secret key
     */
    @Override
    public RefundOutcome refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.processorPaymentReference())
                .setAmount(request.amount().minorUnits())
                .putMetadata(REFUND_KEY, request.idempotencyKey())
                .build();
        RefundOutcome outcome;
        try {
            Refund refund = retries.call("refund", () -> client.v1().refunds().create(params,
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build()));
            outcome = outcomeOf(refund);
        } catch (IdempotencyException keyReused) {
            throw new IllegalStateException("idempotency_error: " + safe(keyReused.getMessage()), keyReused);
        } catch (InvalidRequestException refused) {
            String message = refused.getStripeError() == null || refused.getStripeError().getMessage() == null
                    ? "Stripe refused the refund." : refused.getStripeError().getMessage();
            outcome = new RefundOutcome.Failed(null, refused.getCode() == null ? "invalid_request_error"
                    : refused.getCode(), safe(message));
        } catch (AuthenticationException keyRefused) {
            throw keyRefused(keyRefused);
        } catch (ApiConnectionException lost) {
            outcome = new RefundOutcome.Unknown("no answer from Stripe: " + lost.getClass().getSimpleName());
        } catch (StripeException other) {
            outcome = new RefundOutcome.Unknown("Stripe answered HTTP " + other.getStatusCode()
                    + " until the retry budget was spent");
        }
        RefundOutcome answered = outcome;
        LOG.info(() -> "stripe refund: " + request.processorPaymentReference() + ", " + request.amount() + ", key "
                + request.idempotencyKey() + ", " + answered.getClass().getSimpleName() + " "
                + (answered.processorRefundId() == null ? "" : answered.processorRefundId()));
        return outcome;
    }

    /** @throws IllegalArgumentException when Stripe knows no such refund */
    @Override
    public RefundOutcome refundStatus(String processorRefundId) {
        Objects.requireNonNull(processorRefundId, "processorRefundId");
        try {
            return outcomeOf(retries.call("retrieve refund",
                    () -> client.v1().refunds().retrieve(processorRefundId)));
        } catch (InvalidRequestException missing) {
            throw new IllegalArgumentException("Stripe knows no refund " + processorRefundId);
        } catch (StripeException failed) {
            throw failure("read refund " + processorRefundId, failed);
        }
    }

    private static RefundOutcome outcomeOf(Refund refund) {
        return switch (refund.getStatus()) {
            case "succeeded" -> new RefundOutcome.Succeeded(refund.getId());
            case "pending", "requires_action" -> new RefundOutcome.Pending(refund.getId());
            default -> new RefundOutcome.Failed(refund.getId(),
                    refund.getFailureReason() == null ? "refund_" + refund.getStatus() : refund.getFailureReason(),
                    "The refund " + refund.getStatus() + ".");
        };
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private static String metadata(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }

    private IllegalStateException keyRefused(StripeException refused) {
        LOG.severe(() -> "stripe refused the configured secret key: HTTP " + refused.getStatusCode());
        return new IllegalStateException("Stripe refused the configured secret key (HTTP " + refused.getStatusCode()
                + "); check " + StripeSettings.SECRET_KEY);
    }

    /** An exception for a call that got no usable answer; its message and cause never carry the secret key. */
    private IllegalStateException failure(String what, StripeException failed) {
        if (failed instanceof AuthenticationException) {
            return keyRefused(failed);
        }
        LOG.warning(() -> "stripe: could not " + what + ": " + failed.getClass().getSimpleName() + " HTTP "
                + failed.getStatusCode());
        return new IllegalStateException("Stripe could not " + what + " (" + failed.getClass().getSimpleName()
                + (failed.getStatusCode() == null ? "" : ", HTTP " + failed.getStatusCode())
                + (failed.getCode() == null ? "" : ", " + failed.getCode()) + ")");
    }

    /** Stripe's own words, with anything that looks like a key masked, in case a message ever quotes one. */
    static String safe(String message) {
        return message == null ? null
                : message.replaceAll("\\b(sk|rk|whsec)_[A-Za-z0-9_]+", "$1_[redacted]");
    }

    private static String describe(PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Declined declined) {
            return "declined " + declined.failure().code()
                    + (declined.failure().declineCode() == null ? "" : "/" + declined.failure().declineCode())
                    + (declined.processorReference() == null ? "" : " " + declined.processorReference());
        }
        if (outcome instanceof PaymentOutcome.Unknown unknown) {
            return "unknown (" + unknown.reason() + ")";
        }
        return outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + outcome.processorReference();
    }
}
