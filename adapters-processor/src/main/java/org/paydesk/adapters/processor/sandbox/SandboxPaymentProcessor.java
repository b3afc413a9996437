package org.paydesk.adapters.processor.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paydesk.application.payment.port.in.RecordProcessorOutcomeUseCase;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.InvalidProcessorEventException;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventReader;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentFailure;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.paymentmethod.DisplayFacts;
import org.paydesk.domain.shared.Money;

/**
 * The embedded payment processor: answers like Stripe in test mode, in process, deterministically.
 *
 * <ul>
 *   <li>Accepts only Stripe's published test cards and test bank accounts, typed into {@link #tokenizeCard} /
 *       {@link #tokenizeBankAccount} or named by Stripe's test ids ({@code pm_card_visa},
 *       {@code pm_usBankAccount_success} ...); each answers as Stripe documents it.</li>
 *   <li>Wallets: for every Stripe card test id {@code pm_card_<x>} there are simulated Apple Pay and Google Pay tokens
 *       of the same test card, {@code pm_applepay_<x>} and {@code pm_googlepay_<x>} ({@code pm_applepay_visa},
 *       {@code pm_googlepay_chargeDeclined}, {@code pm_applepay_visa_chargeDeclinedInsufficientFunds} ...). A wallet
 *       token charges and attaches exactly like its card (display facts: the card's brand and last four), but only
 *       as {@code APPLE_PAY} resp. {@code GOOGLE_PAY}; a wallet token of another type, or a card or bank token used
 *       as a wallet, is refused like any token of the wrong type: a charge answers a decline
 *       {@code payment_intent_incompatible_payment_method} before any charge exists, an attach throws
 *       {@code invalid_payment_method_token}.</li>
 *   <li>Cards answer at once; ACH debits answer {@code Processing} and settle after the delay configured as
 *       {@code paydesk.sandbox.ach-settlement-seconds}, reported through {@link RecordProcessorOutcomeUseCase}.</li>
 *   <li>One charge per idempotency key; the same key with other parameters throws, like Stripe's
 *       {@code idempotency_error}. Amounts beyond Stripe's limits are refused before any charge.</li>
 *   <li>No token, log line, message or return value carries a card or account number; one log line per
 *       charge names the payment, the scenario and the outcome.</li>
 * </ul>
 * <p>Refunds ({@link #refund}) give back all or part of a charge this sandbox made, never more than the charge minus
 * its earlier refunds, once per idempotency key; card refunds succeed at once, ACH refunds are pending and succeed
 * after the ACH settlement delay.
 *
 * <p>Charges, refunds and attachments live in memory: a restart forgets them, while tokens keep working. One object
 * serves all four processor ports, so the tokens it issues, charges, attaches and refunds are the same sandbox's. It is
 * a bean only of its own class ({@code @Typed}): the ports are served by
 * {@link org.paydesk.adapters.processor.SelectedProcessor}, which delegates to it unless {@code paydesk.processor} is
 * {@code stripe}. It does not implement {@link org.paydesk.application.paymentmethod.port.out.PaymentMethodSetup}:
 * its tokens are made by {@link #tokenizeCard} / {@link #tokenizeBankAccount}. As a {@link ProcessorEventReader} it
 * refuses every payload: it sends no webhooks.
 */
@ApplicationScoped
@Typed(SandboxPaymentProcessor.class)
public class SandboxPaymentProcessor implements PaymentProcessor, PaymentDetailsTokenizer, PaymentMethodVault,
        RefundProcessor, ProcessorEventReader {

    /** The wallets the sandbox simulates, through its wallet test ids. */
    static final Set<PaymentMethodType> WALLETS = Set.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY);

    private static final Logger LOG = Logger.getLogger(SandboxPaymentProcessor.class.getName());

    /** Stripe's limit: eight digits of the currency's smallest unit ($999,999.99). */
    static final long MAX_AMOUNT_MINOR_UNITS = 99_999_999L;
    /** Stripe's minimum charge in US dollars ($0.50). */
    static final long MIN_USD_CENTS = 50;

    private final SandboxSettings settings;
    private final SandboxTokenizer tokenizer;
    private final SandboxLedger ledger;
    private final AchSettlement settlement;
    private final SandboxVault vault;

    @Inject
    public SandboxPaymentProcessor(
            @ConfigProperty(name = SandboxSettings.LATENCY_MS, defaultValue = "0") long latencyMillis,
            @ConfigProperty(name = SandboxSettings.ACH_SETTLEMENT_SECONDS, defaultValue = "5")
            long achSettlementSeconds,
            SettlementScheduler scheduler, RecordProcessorOutcomeUseCase outcomes, TimeSource time) {
        this(SandboxSettings.of(latencyMillis, achSettlementSeconds), scheduler, outcomes, new SecureRandom(), time);
    }

    /** With explicit collaborators, for tests: a manual scheduler, a recording outcome use case, a fixed clock. */
    SandboxPaymentProcessor(SandboxSettings settings, SettlementScheduler scheduler,
            RecordProcessorOutcomeUseCase outcomes, SecureRandom random, TimeSource time) {
        this.settings = Objects.requireNonNull(settings, "settings");
        SandboxTokens tokens = new SandboxTokens(random);
        this.tokenizer = new SandboxTokenizer(tokens, time);
        this.ledger = new SandboxLedger(tokens);
        this.settlement = new AchSettlement(ledger, scheduler, outcomes, settings);
        this.vault = new SandboxVault(time);
    }

    /** For CDI's proxy only. */
    protected SandboxPaymentProcessor() {
        this.settings = null;
        this.tokenizer = null;
        this.ledger = null;
        this.settlement = null;
        this.vault = null;
    }

    /**
     * @throws IllegalStateException when the idempotency key was first used with other parameters (Stripe's
     *     {@code idempotency_error}); nothing is charged and the first charge is unchanged
     */
    @Override
    public PaymentOutcome charge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        if (!waitLatency()) {
            return new PaymentOutcome.Unknown("interrupted before the sandbox answered");
        }
        SandboxLedger.Entry entry;
        try {
            entry = ledger.charge(request, SandboxPaymentProcessor::decide);
        } catch (IllegalStateException keyReused) {
            LOG.warning(() -> "sandbox charge: payment " + request.paymentId() + ", key "
                    + request.idempotencyKey() + " reused with other parameters, refused (idempotency_error)");
            throw keyReused;
        }
        log(request, entry);
        if (entry.kind() == SandboxLedger.Entry.Kind.CREATED
                && entry.charge().instrument().behaviour() instanceof Behaviour.SettlesLater) {
            settlement.settleLater(entry.charge().reference());
        }
        return entry.outcome();
    }

    /** Apple Pay and Google Pay, through the simulated wallet ids ({@code pm_applepay_visa} ...). */
    @Override
    public Set<PaymentMethodType> supportedWallets() {
        return WALLETS;
    }

    @Override
    public List<ProcessorCharge> chargesFor(PaymentId payment) {
        return ledger.chargesFor(Objects.requireNonNull(payment, "payment"));
    }

    /**
     * The charge as the sandbox's ledger holds it now: a card charge succeeded or failed at once, an ACH debit is
     * processing until its settlement, then succeeded or failed with its account's code. Never returned nor disputed:
     * the sandbox simulates neither. Empty for a reference it never issued (or forgot at a restart).
     */
    @Override
    public Optional<ProcessorCharge> lookup(String processorReference) {
        return ledger.lookup(Objects.requireNonNull(processorReference, "processorReference"));
    }

    /**
     * @throws InvalidProcessorEventException always: the sandbox reports ACH settlements in process, not by webhook
     */
    @Override
    public ProcessorEvent read(String payload, String signatureHeader) {
        throw new InvalidProcessorEventException("the sandbox processor sends no webhooks: it reports ACH "
                + "settlements in process, so a webhook request while paydesk.processor is sandbox is not the "
                + "processor's");
    }

    @Override
    public TokenizedPaymentMethod tokenizeCard(CardDetails card) {
        return tokenizer.tokenizeCard(card);
    }

    @Override
    public TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account) {
        return tokenizer.tokenizeBankAccount(account);
    }

    /**
     * Attaches a sandbox token or Stripe test id to the customer and answers its display facts: brand, last four and
     * the expiry the token carries (a Stripe test id or an older token carries none: December,
     * {@value SandboxVault#YEARS_AHEAD_WHEN_NO_EXPIRY} years ahead),
     * or {@value StripeTestBankAccount#BANK_NAME} and the last four.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code invalid_payment_method_token} for a token the sandbox
     *     does not know or of another method type; {@code payment_method_attached_elsewhere} when another customer
     *     holds it; the issuer's error code ({@code card_declined}, {@code expired_card} ...) for a card Stripe
     *     refuses at attach time
     */
    @Override
    public DisplayFacts attach(PaymentMethod method, CustomerId customer) {
        return vault.attach(method, customer);
    }

    /** Forgets the attachment; an unknown or unattached token is ignored. */
    @Override
    public void detach(PaymentMethod method) {
        vault.detach(method);
    }

    /**
     * Refunds a charge of this sandbox: a card refund succeeds at once, an ACH refund is pending and succeeds after
     * the ACH settlement delay. Never more than the charge minus its earlier refunds; once per idempotency key.
     *
     * @throws IllegalStateException when the key was first used with another request (Stripe's
     *     {@code idempotency_error})
     */
    @Override
    public RefundOutcome refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        SandboxLedger.RefundEntry entry;
        try {
            entry = ledger.refund(request);
        } catch (IllegalStateException keyReused) {
            LOG.warning(() -> "sandbox refund: charge " + request.processorPaymentReference() + ", key "
                    + request.idempotencyKey() + " reused with other parameters, refused (idempotency_error)");
            throw keyReused;
        }
        if (entry.kind() == SandboxLedger.Entry.Kind.CREATED && entry.outcome() instanceof RefundOutcome.Pending) {
            settlement.settleRefundLater(entry.outcome().processorRefundId());
        }
        String kind = entry.kind() == SandboxLedger.Entry.Kind.REPLAYED ? "replayed " : "";
        LOG.log(entry.kind() == SandboxLedger.Entry.Kind.REFUSED ? Level.WARNING : Level.INFO,
                () -> "sandbox refund: charge " + request.processorPaymentReference() + ", " + request.amount() + ", "
                        + kind + describe(entry.outcome()));
        return entry.outcome();
    }

    /** @throws IllegalArgumentException for a refund id this sandbox never issued (or forgot at a restart) */
    @Override
    public RefundOutcome refundStatus(String processorRefundId) {
        return ledger.refundStatus(Objects.requireNonNull(processorRefundId, "processorRefundId"))
                .orElseThrow(() -> new IllegalArgumentException("the sandbox knows no refund " + processorRefundId));
    }

    /** The customer the token is attached to, for tests. */
    Optional<CustomerId> attachedTo(String token) {
        return vault.attachedTo(token);
    }

    /** Stripe's checks before a PaymentIntent exists, in its order: amount, payment method, currency. */
    private static SandboxLedger.Decision decide(ChargeRequest request) {
        Optional<PaymentFailure> badAmount = checkAmount(request.amount());
        if (badAmount.isPresent()) {
            return SandboxLedger.Decision.refuse(badAmount.get());
        }
        Optional<SandboxTokens.Read> token = SandboxTokens.read(request.method().token());
        if (token.isEmpty()) {
            // The token is not echoed: a caller might have put something sensitive into it.
            return SandboxLedger.Decision.refuse(new PaymentFailure("resource_missing", null,
                    "No such PaymentMethod; the sandbox knows only its own tokens and Stripe's test ids."));
        }
        if (!token.get().canPayAs(request.method().type())) {
            return SandboxLedger.Decision.refuse(new PaymentFailure("payment_intent_incompatible_payment_method",
                    null, "The PaymentMethod provided is not a " + request.method().type() + " payment method."));
        }
        StripeTestInstrument instrument = token.get().instrument();
        if (instrument instanceof StripeTestBankAccount
                && !"USD".equals(request.amount().currency().getCurrencyCode())) {
            return SandboxLedger.Decision.refuse(new PaymentFailure("payment_intent_invalid_parameter", null,
                    "ACH Direct Debit payments must be in usd."));
        }
        return SandboxLedger.Decision.charge(instrument);
    }

    private static Optional<PaymentFailure> checkAmount(Money amount) {
        boolean usd = "USD".equals(amount.currency().getCurrencyCode());
        if ((usd && amount.minorUnits() < MIN_USD_CENTS) || amount.minorUnits() < 1) {
            return Optional.of(new PaymentFailure("amount_too_small", null,
                    usd ? "Amount must be at least $0.50 usd" : "Amount must be at least 1 in the smallest unit"));
        }
        if (amount.minorUnits() > MAX_AMOUNT_MINOR_UNITS) {
            return Optional.of(new PaymentFailure("amount_too_large", null,
                    usd ? "Amount must be no more than $999,999.99"
                            : "Amount must be no more than 99999999 in the currency's smallest unit"));
        }
        return Optional.empty();
    }

    /** @return false when interrupted, so no charge is made and the caller hears no answer */
    private boolean waitLatency() {
        long millis = settings.latency().toMillis();
        if (millis == 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void log(ChargeRequest request, SandboxLedger.Entry entry) {
        String scenario = entry.charge() == null ? "-" : entry.charge().instrument().slug();
        String kind = entry.kind() == SandboxLedger.Entry.Kind.REPLAYED ? "replayed " : "";
        LOG.log(entry.kind() == SandboxLedger.Entry.Kind.REFUSED ? Level.WARNING : Level.INFO,
                () -> "sandbox charge: payment " + request.paymentId() + ", scenario " + scenario + ", " + kind
                        + describe(entry.outcome()));
    }

    private static String describe(RefundOutcome outcome) {
        if (outcome instanceof RefundOutcome.Failed failed) {
            return "refused " + failed.code();
        }
        return (outcome instanceof RefundOutcome.Pending ? "pending " : "succeeded ") + outcome.processorRefundId();
    }

    private static String describe(PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Succeeded) {
            return "succeeded " + outcome.processorReference();
        }
        if (outcome instanceof PaymentOutcome.Processing) {
            return "processing " + outcome.processorReference();
        }
        if (outcome instanceof PaymentOutcome.Declined declined) {
            String reason = declined.failure().code()
                    + (declined.failure().declineCode() == null ? "" : "/" + declined.failure().declineCode());
            return declined.processorReference() == null ? "refused " + reason
                    : "declined " + reason + " " + declined.processorReference();
        }
        return "unknown";
    }
}
