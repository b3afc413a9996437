package org.paydesk.adapters.processor.stripe;

import com.stripe.exception.StripeException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Paydesk's retry policy for Stripe calls (stripe-java's own retries are off): a call answered with 429 (rate
 * limited), 409 (the same idempotency key is still in flight) or a 5xx is sent again, with the same idempotency key,
 * after an exponential backoff with full jitter, as long as the total time stays within the budget. Nothing else is
 * retried: a timeout or broken connection leaves the answer unknown and is the caller's to report, and a 4xx is an
 * answer.
 */
final class StripeRetries {

    private static final Logger LOG = Logger.getLogger(StripeRetries.class.getName());

    static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

    /** One Stripe call. */
    @FunctionalInterface
    interface StripeCall<T> {
        T call() throws StripeException;
    }

    /** Pauses between attempts; tests may record instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration budget;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Random random;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    StripeRetries(Duration budget) {
        this(budget, DEFAULT_FIRST_BACKOFF, DEFAULT_MAX_BACKOFF, new Random(), System::nanoTime,
                duration -> Thread.sleep(duration.toMillis()));
    }

    StripeRetries(Duration budget, Duration firstBackoff, Duration maxBackoff, Random random, LongSupplier nanoTime,
            Sleeper sleeper) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.random = Objects.requireNonNull(random, "random");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Runs the call, retrying what may be retried.
     *
     * @param what names the call in log lines (never a key or a secret)
     * @throws StripeException the last answer when it may not be retried or the budget is spent
     */
    <T> T call(String what, StripeCall<T> call) throws StripeException {
        long started = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (StripeException failed) {
                if (!retryable(failed)) {
                    throw failed;
                }
                Duration backoff = backoff(attempt);
                Duration spent = Duration.ofNanos(nanoTime.getAsLong() - started);
                if (spent.plus(backoff).compareTo(budget) > 0) {
                    int attempts = attempt;
                    LOG.warning(() -> "stripe " + what + ": HTTP " + failed.getStatusCode() + " after " + attempts
                            + " attempt(s); retry budget of " + budget.toMillis() + " ms spent");
                    throw failed;
                }
                int attempts = attempt;
                LOG.info(() -> "stripe " + what + ": HTTP " + failed.getStatusCode() + " on attempt " + attempts
                        + ", retrying in " + backoff.toMillis() + " ms");
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failed;
                }
            }
        }
    }

    /** 429, 5xx, and 409 for a request with the same key still running; never a 4xx answer otherwise. */
    static boolean retryable(StripeException failed) {
        Integer status = failed.getStatusCode();
        if (status == null) {
            return false;
        }
        // stripe-java raises a plain ApiException, not an IdempotencyException, for 409 idempotency_key_in_use.
        return status == 429 || status >= 500 || status == 409;
    }

    /** Full jitter: a random pause between zero and the capped exponential backoff (at least one millisecond). */
    Duration backoff(int attempt) {
        long cap = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(1 + (long) (random.nextDouble() * cap));
    }
}
