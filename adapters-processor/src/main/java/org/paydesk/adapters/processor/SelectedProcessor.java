package org.paydesk.adapters.processor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paydesk.adapters.processor.sandbox.SandboxPaymentProcessor;
import org.paydesk.adapters.processor.stripe.StripePaymentProcessor;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.payment.port.out.PaymentProcessor;
import org.paydesk.application.payment.port.out.ProcessorCharge;
import org.paydesk.application.payment.port.out.ProcessorEvent;
import org.paydesk.application.payment.port.out.ProcessorEventReader;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.paymentmethod.port.in.TokenizedPaymentMethod;
import org.paydesk.application.paymentmethod.port.out.PaymentDetailsTokenizer;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodSetup;
import org.paydesk.application.paymentmethod.port.out.PaymentMethodVault;
import org.paydesk.application.payment.port.out.RefundOutcome;
import org.paydesk.application.payment.port.out.RefundProcessor;
import org.paydesk.application.payment.port.out.RefundRequest;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.paymentmethod.DisplayFacts;

/**
 * The one bean of each processor port type ({@link PaymentProcessor}, {@link PaymentMethodVault},
 * {@link PaymentDetailsTokenizer}, {@link PaymentMethodSetup}, {@link RefundProcessor}, {@link ProcessorEventReader}),
 * delegating to the processor
 * that {@value #PROCESSOR} (environment {@code PAYDESK_PROCESSOR}) names: {@value #SANDBOX} (the default) or
 * {@value #STRIPE}. Both implementations are beans of their own class only ({@code @Typed}), so no injection point of a
 * port is ambiguous, and only the chosen one is ever created (the other may lack its configuration).
 *
 * <p>What only one processor can do: with Stripe, {@link PaymentDetailsTokenizer} throws
 * {@link IllegalStateException} (Stripe.js tokenizes in the payer's browser; use {@link PaymentMethodSetup}); with the
 * sandbox, {@link PaymentMethodSetup} throws {@link UnsupportedOperationException} (the sandbox tokenizes details typed
 * into Paydesk's own form), and {@link ProcessorEventReader} refuses every payload with
 * {@link org.paydesk.application.payment.port.out.InvalidProcessorEventException} (the sandbox sends no webhooks).
 */
@ApplicationScoped
public class SelectedProcessor implements PaymentProcessor, PaymentMethodVault, PaymentDetailsTokenizer,
        PaymentMethodSetup, RefundProcessor, ProcessorEventReader {

    /** Config key naming the processor. */
    public static final String PROCESSOR = "paydesk.processor";
    public static final String SANDBOX = "sandbox";
    public static final String STRIPE = "stripe";

    private static final Logger LOG = Logger.getLogger(SelectedProcessor.class.getName());

    private final String mode;
    private final Supplier<SandboxPaymentProcessor> sandbox;
    private final Supplier<StripePaymentProcessor> stripe;

    @Inject
    public SelectedProcessor(@ConfigProperty(name = PROCESSOR, defaultValue = SANDBOX) String processor,
            Instance<SandboxPaymentProcessor> sandbox, Instance<StripePaymentProcessor> stripe) {
        this(processor, sandbox::get, stripe::get);
    }

    /**
     * With the implementations supplied on demand; only the chosen one is ever asked for.
     *
     * @throws IllegalArgumentException when {@code processor} names neither
     */
    SelectedProcessor(String processor, Supplier<SandboxPaymentProcessor> sandbox,
            Supplier<StripePaymentProcessor> stripe) {
        this.mode = normalise(processor);
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.stripe = Objects.requireNonNull(stripe, "stripe");
        LOG.info(() -> "payment processor: " + mode);
    }

    /** For CDI's proxy only. */
    protected SelectedProcessor() {
        this.mode = null;
        this.sandbox = null;
        this.stripe = null;
    }

    /** {@value #SANDBOX} or {@value #STRIPE}. */
    public String processorName() {
        return mode;
    }

    @Override
    public PaymentOutcome charge(ChargeRequest request) {
        return processor().charge(request);
    }

    @Override
    public List<ProcessorCharge> chargesFor(PaymentId payment) {
        return processor().chargesFor(payment);
    }

    @Override
    public Optional<ProcessorCharge> lookup(String processorReference) {
        return processor().lookup(processorReference);
    }

    @Override
    public Set<PaymentMethodType> supportedWallets() {
        return processor().supportedWallets();
    }

    @Override
    public DisplayFacts attach(PaymentMethod method, CustomerId customer) {
        return stripeMode() ? stripe.get().attach(method, customer) : sandbox.get().attach(method, customer);
    }

    @Override
    public void detach(PaymentMethod method) {
        if (stripeMode()) {
            stripe.get().detach(method);
        } else {
            sandbox.get().detach(method);
        }
    }

    /** @throws IllegalStateException with Stripe, which tokenizes in the payer's browser */
    @Override
    public TokenizedPaymentMethod tokenizeCard(CardDetails card) {
        return tokenizer().tokenizeCard(card);
    }

    /** @throws IllegalStateException with Stripe, which tokenizes in the payer's browser */
    @Override
    public TokenizedPaymentMethod tokenizeBankAccount(BankAccountDetails account) {
        return tokenizer().tokenizeBankAccount(account);
    }

    /** @throws UnsupportedOperationException with the sandbox, which tokenizes details typed into Paydesk's form */
    @Override
    public String startSetup(CustomerId customer) {
        if (!stripeMode()) {
            throw new UnsupportedOperationException("The sandbox processor has no browser-side setup: it tokenizes "
                    + "card and bank details typed into Paydesk's own form (PaymentDetailsTokenizer). "
                    + "PaymentMethodSetup needs " + PROCESSOR + "=" + STRIPE + ".");
        }
        return stripe.get().startSetup(customer);
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        return refunds().refund(request);
    }

    @Override
    public RefundOutcome refundStatus(String processorRefundId) {
        return refunds().refundStatus(processorRefundId);
    }

    /**
     * @throws org.paydesk.application.payment.port.out.InvalidProcessorEventException with the sandbox always, with
     *     Stripe when the webhook does not verify or is not an event
     */
    @Override
    public ProcessorEvent read(String payload, String signatureHeader) {
        return stripeMode() ? stripe.get().read(payload, signatureHeader) : sandbox.get().read(payload,
                signatureHeader);
    }

    private boolean stripeMode() {
        return STRIPE.equals(mode);
    }

    private PaymentProcessor processor() {
        return stripeMode() ? stripe.get() : sandbox.get();
    }

    private RefundProcessor refunds() {
        return stripeMode() ? stripe.get() : sandbox.get();
    }

    private PaymentDetailsTokenizer tokenizer() {
        if (stripeMode()) {
            throw new IllegalStateException("Stripe tokenizes card and bank details in the payer's browser with "
                    + "Stripe.js; card and account numbers never reach Paydesk. Start a PaymentMethodSetup instead.");
        }
        return sandbox.get();
    }

    private static String normalise(String processor) {
        String name = processor == null ? "" : processor.strip().toLowerCase(Locale.ROOT);
        if (!SANDBOX.equals(name) && !STRIPE.equals(name)) {
            throw new IllegalArgumentException(PROCESSOR + " must be " + SANDBOX + " or " + STRIPE + ", not '"
                    + processor + "'");
        }
        return name;
    }
}
