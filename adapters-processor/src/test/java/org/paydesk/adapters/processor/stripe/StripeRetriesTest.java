package org.paydesk.adapters.processor.stripe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import org.junit.jupiter.api.Test;

/** Which of Stripe's answers are worth asking again with the same idempotency key. */
class StripeRetriesTest {

    @Test
    void a_key_still_in_use_rate_limits_and_server_errors_are_retried() {
        // stripe-java 33 raises a plain ApiException for 409 idempotency_key_in_use.
        assertTrue(StripeRetries.retryable(new ApiException("Keys for idempotent requests can only be used with the"
                + " same parameters they were first used with.", "req_1", "idempotency_key_in_use", 409, null)));
        assertTrue(StripeRetries.retryable(new RateLimitException("Too many requests", null, "req_2",
                "rate_limit", 429, null)));
        assertTrue(StripeRetries.retryable(new ApiException("Internal error", "req_3", null, 503, null)));
    }

    @Test
    void a_refusal_or_an_answer_without_status_is_not_retried() {
        assertFalse(StripeRetries.retryable(new InvalidRequestException("No such PaymentMethod", "payment_method",
                "req_4", "resource_missing", 400, null)));
        assertFalse(StripeRetries.retryable(new ApiException("no status", "req_5", null, null, null)));
    }
}
