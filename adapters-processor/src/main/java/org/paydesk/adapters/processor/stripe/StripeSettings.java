package org.paydesk.adapters.processor.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Paydesk reaches Stripe, read from MicroProfile Config (environment variables map by MP Config's rules:
 * {@code PAYDESK_STRIPE_SECRET_KEY} for {@code paydesk.stripe.secret-key} and so on).
 *
 * <p>Invariant: the keys are never shown. {@link #toString()} names only whether each is set, and no message written
 * here contains one.
 *
 * @param apiBase Stripe's API base URL ({@value #DEFAULT_API_BASE}, or a local fake in tests)
 * @param secretKey the secret API key ({@code sk_live_...}, {@code sk_test_...} or {@code rk_...})
 * @param publishableKey the publishable key for Stripe.js in the payer's browser; may be null
 * @param webhookSecret the endpoint's signing secret ({@code whsec_...}) for verifying webhooks; may be null
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer once connected; past it the answer is lost
 *     ({@link org.paydesk.domain.payment.PaymentOutcome.Unknown})
 * @param retryBudget the total time a call may spend retrying rate limits and server errors
 */
public record StripeSettings(URI apiBase, String secretKey, String publishableKey, String webhookSecret,
        Duration connectTimeout, Duration readTimeout, Duration retryBudget) {

    public static final String API_BASE = "paydesk.stripe.api-base";
    public static final String SECRET_KEY = "paydesk.stripe.secret-key";
    public static final String PUBLISHABLE_KEY = "paydesk.stripe.publishable-key";
    public static final String WEBHOOK_SECRET = "paydesk.stripe.webhook-secret";
    public static final String CONNECT_TIMEOUT_MS = "paydesk.stripe.connect-timeout-ms";
    public static final String READ_TIMEOUT_MS = "paydesk.stripe.read-timeout-ms";
    public static final String RETRY_BUDGET_MS = "paydesk.stripe.retry-budget-ms";

    public static final String DEFAULT_API_BASE = "https://api.stripe.com";
    public static final String DEFAULT_CONNECT_TIMEOUT_MS = "5000";
    /** Stripe's own client default is 80 s; a charge is answered in a few seconds, so less is enough. */
    public static final String DEFAULT_READ_TIMEOUT_MS = "30000";
    public static final String DEFAULT_RETRY_BUDGET_MS = "10000";

    public StripeSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        if (!"https".equals(apiBase.getScheme()) && !"http".equals(apiBase.getScheme())) {
            throw new IllegalArgumentException(API_BASE + " must be an http(s) URL");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException(SECRET_KEY + " (PAYDESK_STRIPE_SECRET_KEY) is required when "
                    + "paydesk.processor is stripe");
        }
        if (!secretKey.startsWith("sk_") && !secretKey.startsWith("rk_")) {
            // The value is not echoed: it may be a real secret pasted into the wrong setting.
            throw new IllegalArgumentException(SECRET_KEY + " must be a Stripe secret or restricted key (sk_... or "
                    + "rk_...)");
        }
        requirePositive(connectTimeout, CONNECT_TIMEOUT_MS);
        requirePositive(readTimeout, READ_TIMEOUT_MS);
        Objects.requireNonNull(retryBudget, RETRY_BUDGET_MS);
        if (retryBudget.isNegative()) {
            throw new IllegalArgumentException(RETRY_BUDGET_MS + " must not be negative");
        }
        if (connectTimeout.toMillis() > Integer.MAX_VALUE || readTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeouts must fit in an int of milliseconds");
        }
    }

    /** The settings as configured; blank optional keys become null. */
    public static StripeSettings of(String apiBase, String secretKey, String publishableKey, String webhookSecret,
            long connectTimeoutMillis, long readTimeoutMillis, long retryBudgetMillis) {
        URI base;
        try {
            base = URI.create(Objects.requireNonNull(apiBase, API_BASE).strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(API_BASE + " is not a URL: " + apiBase);
        }
        return new StripeSettings(base, secretKey == null ? null : secretKey.strip(), blankToNull(publishableKey),
                blankToNull(webhookSecret), Duration.ofMillis(connectTimeoutMillis),
                Duration.ofMillis(readTimeoutMillis), Duration.ofMillis(retryBudgetMillis));
    }

    /** Whether the key is a test-mode key, so the UI can warn that no real money moves. */
    public boolean testMode() {
        return secretKey.startsWith("sk_test_") || secretKey.startsWith("rk_test_");
    }

    /** Never shows a key, only whether it is set. */
    @Override
    public String toString() {
        return "StripeSettings[apiBase=" + apiBase + ", secretKey=" + (testMode() ? "(test key)" : "(live key)")
                + ", publishableKey=" + (publishableKey == null ? "(none)" : "(set)")
                + ", webhookSecret=" + (webhookSecret == null ? "(none)" : "(set)")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retryBudget=" + retryBudget + "]";
    }

    private static void requirePositive(Duration duration, String key) {
        Objects.requireNonNull(duration, key);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
