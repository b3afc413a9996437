package org.paydesk.adapters.processor.stripe;

import com.stripe.StripeClient;
import com.stripe.param.PaymentMethodCreateParams;
import java.time.Duration;
import java.util.Random;
import org.paydesk.stripefake.StripeFake;

/** The Stripe adapter wired to a local {@link StripeFake}, with fast retries, plus a client to set up test data. */
final class FakeStripe {

    /** A test key as Stripe issues them; the tests prove it never reaches a log line or a message. */
    static final String SECRET_KEY = "sk_test_51PaydeskFakeSecretKeyNeverLogged0123456789";

    /**
     * Held so the setting sticks: the adapter's log lines stay off the console during tests (a
     * {@link StripeLogCapture} still receives them).
     */
    private static final java.util.logging.Logger STRIPE_LOG =
            java.util.logging.Logger.getLogger("org.paydesk.adapters.processor.stripe");

    static {
        STRIPE_LOG.setUseParentHandlers(false);
    }

    private FakeStripe() {
    }

    static StripeSettings settings(StripeFake fake, long readTimeoutMillis, long retryBudgetMillis) {
        return StripeSettings.of(fake.baseUrl(), SECRET_KEY, "pk_test_paydesk", "whsec_paydesk", 2_000,
                readTimeoutMillis, retryBudgetMillis);
    }

    /** The adapter with a 5 s read timeout and retries paced in milliseconds within a 2 s budget. */
    static StripePaymentProcessor processor(StripeFake fake) {
        return processor(settings(fake, 5_000, 2_000));
    }

    static StripePaymentProcessor processor(StripeSettings settings) {
        return new StripePaymentProcessor(settings, new StripeRetries(settings.retryBudget(), Duration.ofMillis(5),
                Duration.ofMillis(50), new Random(7), System::nanoTime, d -> Thread.sleep(d.toMillis())));
    }

    static StripeClient client(StripeFake fake) {
        return StripeClient.builder().setApiKey(SECRET_KEY).setApiBase(fake.baseUrl()).setMaxNetworkRetries(0).build();
    }

    /** A fresh card PaymentMethod, as Stripe.js would create it in the browser. */
    static String card(StripeFake fake, String number, int expMonth, int expYear) {
        try {
            return client(fake).v1().paymentMethods().create(PaymentMethodCreateParams.builder()
                    .setType(PaymentMethodCreateParams.Type.CARD)
                    .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber(number)
                            .setExpMonth((long) expMonth).setExpYear((long) expYear).setCvc("123").build())
                    .build()).getId();
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh us_bank_account PaymentMethod for Stripe's test account. */
    static String bankAccount(StripeFake fake, String accountNumber) {
        try {
            return client(fake).v1().paymentMethods().create(PaymentMethodCreateParams.builder()
                    .setType(PaymentMethodCreateParams.Type.US_BANK_ACCOUNT)
                    .setUsBankAccount(PaymentMethodCreateParams.UsBankAccount.builder()
                            .setRoutingNumber("110000000").setAccountNumber(accountNumber)
                            .setAccountHolderType(PaymentMethodCreateParams.UsBankAccount.AccountHolderType.COMPANY)
                            .build())
                    .setBillingDetails(PaymentMethodCreateParams.BillingDetails.builder().setName("Acme Hardware")
                            .build())
                    .build()).getId();
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }
}
