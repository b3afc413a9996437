package org.paydesk.adapters.rest.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.shared.Money;

/** What a checkout keeps under its idempotency key, and the routes of the checkout page. */
class CheckoutOutcomeTest {

    @Test
    void an_outcome_is_kept_and_read_back_unchanged() {
        CheckoutOutcome declined = new CheckoutOutcome(9, PaymentStatus.FAILED, PaymentMethodType.CARD,
                Money.ofMinor(1999, "USD"), "card_declined", "generic_decline", 4L, "SO-4");
        StoredResponse stored = declined.stored();
        assertEquals(402, stored.status());
        assertEquals("application/x-www-form-urlencoded", stored.contentType());
        assertEquals(declined, CheckoutOutcome.from(stored));

        CheckoutOutcome paid = new CheckoutOutcome(10, PaymentStatus.SUCCEEDED, PaymentMethodType.GOOGLE_PAY,
                Money.ofMinor(1200, "JPY"), null, null, null, null);
        assertEquals(200, paid.stored().status());
        assertEquals(paid, CheckoutOutcome.from(paid.stored()));
        assertFalse(paid.stored().body().contains("failureCode"), paid.stored().body());
    }

    @Test
    void a_record_that_is_not_an_outcome_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> CheckoutOutcome.from(new StoredResponse(201, "application/json", null, "{\"id\": 1}")));
        assertThrows(IllegalArgumentException.class, () -> CheckoutOutcome.from(new StoredResponse(200,
                CheckoutOutcome.CONTENT_TYPE, null, "paymentId=x&status=SUCCEEDED")));
    }

    @Test
    void the_cart_id_is_a_positive_number_and_nothing_else() {
        assertEquals(42, CheckoutServlet.cartIdOf("/42").orElseThrow());
        assertTrue(CheckoutServlet.cartIdOf(null).isEmpty());
        assertTrue(CheckoutServlet.cartIdOf("/").isEmpty());
        assertTrue(CheckoutServlet.cartIdOf("/0").isEmpty());
        assertTrue(CheckoutServlet.cartIdOf("/-1").isEmpty());
        assertTrue(CheckoutServlet.cartIdOf("/42/").isEmpty());
        assertTrue(CheckoutServlet.cartIdOf("/42/tokens").isEmpty());
        assertTrue(CheckoutServlet.cartIdOf("/abc").isEmpty());
        assertTrue(CheckoutServlet.cartIdOf("/99999999999999999999").isEmpty());
    }
}
