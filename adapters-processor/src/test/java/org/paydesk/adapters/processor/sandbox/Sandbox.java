package org.paydesk.adapters.processor.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.paydesk.application.payment.port.out.ChargeRequest;
import org.paydesk.application.paymentmethod.port.in.BankAccountDetails;
import org.paydesk.application.paymentmethod.port.in.CardDetails;
import org.paydesk.application.shared.port.out.TimeSource;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentId;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.shared.Money;

/**
 * A sandbox wired with hand-run collaborators, plus short ways to tokenize and charge. The clock stands at
 * {@link #NOW} until a test moves it ({@link #clock}); ACH settles after {@link #ACH_DELAY}; reports are retried
 * {@link #REPORT_ATTEMPTS} times, every {@link #RETRY_DELAY}.
 */
final class Sandbox {

    static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");
    static final Duration ACH_DELAY = Duration.ofSeconds(7);
    static final int REPORT_ATTEMPTS = 3;
    static final Duration RETRY_DELAY = Duration.ofMillis(250);

    private static final AtomicLong KEYS = new AtomicLong();

    /**
     * Held so the setting sticks: the sandbox's log lines stay off the console during tests (a {@link LogCapture}
     * still receives them).
     */
    private static final Logger SANDBOX_LOG = Logger.getLogger("org.paydesk.adapters.processor.sandbox");

    static {
        SANDBOX_LOG.setUseParentHandlers(false);
    }

    final ManualScheduler scheduler = new ManualScheduler();
    /** What the sandbox's clock reads. */
    final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    final RecordingOutcomes outcomes;
    final SandboxPaymentProcessor processor;

    Sandbox() {
        this(new RecordingOutcomes(), Duration.ZERO);
    }

    Sandbox(RecordingOutcomes outcomes, Duration latency) {
        this.outcomes = outcomes;
        TimeSource time = clock::get;
        SandboxSettings settings = SandboxSettings.defaults().withLatency(latency).withAchSettlementDelay(ACH_DELAY)
                .withReports(REPORT_ATTEMPTS, RETRY_DELAY);
        this.processor = new SandboxPaymentProcessor(settings, scheduler, outcomes, new SecureRandom(), time);
    }

    /** A token for a test card, valid through December 2034 with CVC 123. */
    String cardToken(String number) {
        return processor.tokenizeCard(new CardDetails(number, 12, 2034, "123")).token();
    }

    String achToken(String accountNumber) {
        return processor.tokenizeBankAccount(new BankAccountDetails("110000000", accountNumber, "Acme Hardware"))
                .token();
    }

    PaymentOutcome chargeCard(String token) {
        return processor.charge(request(newKey(), 1, "25.00", PaymentMethodType.CARD, token));
    }

    /** Charges a saved card with no customer present. */
    PaymentOutcome chargeCardOffSession(String token) {
        ChargeRequest onSession = request(newKey(), 1, "25.00", PaymentMethodType.CARD, token);
        return processor.charge(new ChargeRequest(onSession.idempotencyKey(), onSession.paymentId(),
                onSession.customerId(), onSession.amount(), onSession.method(), onSession.description(), true));
    }

    PaymentOutcome chargeAch(String token) {
        return processor.charge(request(newKey(), 1, "25.00", PaymentMethodType.ACH, token));
    }

    static ChargeRequest request(String key, long paymentId, String usd, PaymentMethodType type, String token) {
        return new ChargeRequest(key, new PaymentId(paymentId), new CustomerId(1), Money.parse(usd, "USD"),
                new PaymentMethod(type, token), "Paydesk payment " + paymentId);
    }

    static String newKey() {
        return "paydesk-attempt-" + KEYS.incrementAndGet();
    }
}
